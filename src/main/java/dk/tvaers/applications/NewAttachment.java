package dk.tvaers.applications;

import dk.tvaers.ideas.AttachmentType;

/** A file added to an application; its type was judged from its content ({@link AttachmentType#detect}). */
public record NewAttachment(String filename, AttachmentType type, byte[] content) {}
