package dk.tvaers.initiatives;

import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.FileType;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of initiatives, stored in PostgreSQL as {@code bytea} (ADR 0009). Uploaded by whoever
 * {@link InitiativeMembers#mayContribute may contribute}; at most {@link FileType#MAX_BYTES}; the type is
 * judged from the content.
 */
@Service
public class InitiativeDocuments {

    private final JdbcClient jdbc;
    private final Initiatives initiatives;
    private final InitiativeMembers members;

    InitiativeDocuments(JdbcClient jdbc, Initiatives initiatives, InitiativeMembers members) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
        this.members = members;
    }

    /**
     * Stores a document.
     *
     * @throws AccessDeniedException when the editor may not contribute to the initiative
     * @throws DocumentRejectedException when the file is empty, too large or not of an allowed type
     */
    @Transactional
    public long upload(long initiativeId, String filename, byte[] content, Editor editor) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        if (!members.mayContribute(initiative, editor)) {
            throw new AccessDeniedException("may not upload documents to initiative " + initiativeId);
        }
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException("document.error.empty");
        }
        if (content.length > FileType.MAX_BYTES) {
            throw new DocumentRejectedException("document.error.tooLarge");
        }
        FileType type = FileType.detect(content)
                .orElseThrow(() -> new DocumentRejectedException("document.error.type"));
        return jdbc.sql("""
                INSERT INTO initiative_document (initiative_id, filename, content_type, size_bytes, content,
                    uploaded_by_name)
                VALUES (:initiative, :filename, :type, :size, :content, :by) RETURNING id""")
                .param("initiative", initiativeId).param("filename", type.safeFileName(filename)).param("type", type.mediaType())
                .param("size", (long) content.length).param("content", content).param("by", editor.name())
                .query(Long.class).single();
    }

    /** The initiative's documents, newest first, without their content. */
    @Transactional(readOnly = true)
    public List<InitiativeDocument> of(long initiativeId) {
        return jdbc.sql("""
                SELECT id, initiative_id, filename, content_type, size_bytes, uploaded_by_name, uploaded_at
                FROM initiative_document WHERE initiative_id = :id ORDER BY uploaded_at DESC, id DESC""")
                .param("id", initiativeId)
                .query((rs, n) -> new InitiativeDocument(rs.getLong("id"), rs.getLong("initiative_id"),
                        rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("uploaded_by_name"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** The content of one of the initiative's documents. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(long initiativeId, long documentId) {
        return jdbc.sql("SELECT content FROM initiative_document WHERE id = :id AND initiative_id = :initiative")
                .param("id", documentId).param("initiative", initiativeId).query(byte[].class).optional();
    }
}
