package dk.tvaers.ideas;

import dk.tvaers.shared.FileType;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.List;
import java.util.Set;

/** What a person submits; the attachments' types have already been checked ({@link FileType#detect}). */
public record NewIdea(
        String title,
        String problem,
        String proposal,
        String beneficiaries,
        Set<Sector> sectors,
        InnovationType innovationType,
        Region region,
        boolean showName,
        List<NewAttachment> attachments) {

    public record NewAttachment(String filename, FileType type, byte[] content) {}
}
