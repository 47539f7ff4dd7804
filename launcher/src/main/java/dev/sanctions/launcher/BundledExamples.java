package dev.sanctions.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example announcement files packed into the application (from the repository's examples/), in name order. */
final class BundledExamples {

    private BundledExamples() {}

    static List<Path> files() throws IOException {
        try (Stream<Path> entries = Files.list(directory("/examples"))) {
            return entries.filter(p -> p.getFileName().toString().matches(".*\\.jsonl?"))
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /** A real excerpt of an official list file packed into the application (from examples/lists/). */
    static Path list(String name) throws IOException {
        return directory("/examples/lists").resolve(name);
    }

    private static Path directory(String resource) throws IOException {
        URL url = BundledExamples.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the bundled examples are missing from the application: rebuild it "
                    + "(./mvnw -pl launcher -am package)");
        }
        try {
            URI uri = url.toURI();
            return "jar".equals(uri.getScheme()) ? jarFileSystem(uri).getPath(resource) : Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundled examples at " + url, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
