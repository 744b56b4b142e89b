package dk.tvaers.ideas;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files sent with an idea: stored with the idea when it is submitted (in its transaction), listed and opened in
 * the clinic. The file type was checked by the form; only its safe file name and media type are kept.
 */
@Service
public class IdeaAttachments {

    private final JdbcClient jdbc;

    IdeaAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the files of a new idea; called inside {@link Ideas#submit}'s transaction. */
    void store(long ideaId, List<NewIdea.NewAttachment> attachments) {
        for (NewIdea.NewAttachment attachment : attachments) {
            jdbc.sql("""
                    INSERT INTO idea_attachment (idea_id, filename, content_type, size_bytes, content)
                    VALUES (:id, :name, :type, :size, :content)""")
                    .param("id", ideaId)
                    .param("name", attachment.type().safeFileName(attachment.filename()))
                    .param("type", attachment.type().mediaType())
                    .param("size", (long) attachment.content().length)
                    .param("content", attachment.content())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(long ideaId) {
        return jdbc.sql("""
                SELECT id, idea_id, filename, content_type, size_bytes FROM idea_attachment
                WHERE idea_id = :id ORDER BY id""")
                .param("id", ideaId)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("idea_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> content(long ideaId, long attachmentId) {
        return jdbc.sql("SELECT content FROM idea_attachment WHERE id = :id AND idea_id = :idea")
                .param("id", attachmentId).param("idea", ideaId).query(byte[].class).optional();
    }
}
