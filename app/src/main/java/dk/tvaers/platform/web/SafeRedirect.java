package dk.tvaers.platform.web;

/** Keeps redirects inside Tværs: only a local absolute path is accepted, anything else becomes "/". */
public final class SafeRedirect {

    private SafeRedirect() {}

    public static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.contains("\r") || candidate.contains("\n")) {
            return "/";
        }
        return candidate;
    }
}
