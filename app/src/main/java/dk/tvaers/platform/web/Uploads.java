package dk.tvaers.platform.web;

import dk.tvaers.shared.FileType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads the files of a form's file field for every form that takes attachments: at most a given number, each at most
 * {@link FileType#MAX_BYTES} and a PDF, PNG, JPEG or DOCX by its content. A refused file becomes a form error that
 * names it (the other fields are kept by the form); an empty file field is no file.
 */
public final class Uploads {

    /** A checked file: the safe name it is stored under ({@link FileType#safeFileName}), the type its content has, and the content. */
    public record Upload(String filename, FileType type, byte[] content) {}

    private Uploads() {}

    public static List<Upload> read(List<MultipartFile> files, int maxFiles, BindingResult errors) {
        var result = new ArrayList<Upload>();
        if (files == null) {
            return result;
        }
        List<MultipartFile> chosen = files.stream().filter(file -> !file.isEmpty()).toList();
        if (chosen.size() > maxFiles) {
            errors.reject("upload.error.tooMany", new Object[] {maxFiles}, null);
            return result;
        }
        for (MultipartFile file : chosen) {
            String name = filename(file);
            if (file.getSize() > FileType.MAX_BYTES) {
                errors.reject("upload.error.tooLarge", new Object[] {name}, null);
                continue;
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Optional<FileType> type = FileType.detect(content);
            if (type.isEmpty()) {
                errors.reject("upload.error.type", new Object[] {name}, null);
                continue;
            }
            result.add(new Upload(type.get().safeFileName(name), type.get(), content));
        }
        return result;
    }

    /** The file's own name without any path or control characters, at most 200 characters ("fil" when none). */
    public static String filename(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "fil" : file.getOriginalFilename();
        name = name.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "fil";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
