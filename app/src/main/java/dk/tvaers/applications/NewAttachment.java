package dk.tvaers.applications;

import dk.tvaers.shared.FileType;

/** A file added to an application; its type was judged from its content ({@link FileType#detect}). */
public record NewAttachment(String filename, FileType type, byte[] content) {}
