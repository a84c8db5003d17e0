package ua.kuznia.aid;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import ua.kuznia.common.ProblemException;
import ua.kuznia.identity.Caller;

/**
 * Imports Kiel releases from a directory at start-up when {@code kuznia.aid.import-dir} is set:
 * the directory itself and each of its immediate subdirectories that hold Kiel exports (by file
 * name; other files are ignored) are one release each, named by their release_info.csv.
 * Releases whose files are unchanged since their last import are left alone, so restarts keep
 * the original provenance.
 */
@ApplicationScoped
public class KielDirectoryImport {

    private static final Logger LOG = Logger.getLogger(KielDirectoryImport.class);

    @ConfigProperty(name = "kuznia.aid.import-dir")
    Optional<String> importDir;

    @Inject
    KielImportService imports;

    void onStart(@Observes @Priority(15) StartupEvent event) {
        importDir.filter(dir -> !dir.isBlank()).ifPresent(dir -> importDirectory(Path.of(dir)));
    }

    /**
     * Returns the number of releases imported. A release that is refused is logged and skipped:
     * the audit data is not worth keeping the matcher and the rest of the API down for, and the
     * operator sees the same problem the API would have answered.
     */
    public int importDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.errorf("kuznia.aid.import-dir %s is not a directory; no Kiel release imported", dir);
            return 0;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir);
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).sorted().forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int imported = 0;
        for (Path candidate : candidates) {
            List<KielImportService.IncomingFile> files = kielFiles(candidate);
            if (files.isEmpty()) {
                continue;
            }
            try {
                KielImportService.Upload upload = imports.prepare(files, null);
                if (imports.alreadyImported(upload)) {
                    LOG.infof("Kiel release %s in %s is already imported, unchanged", upload.release(), candidate);
                    continue;
                }
                imports.store(upload, Caller.SYSTEM);
                imported++;
                LOG.infof("Kiel release %s imported from %s (%d files)", upload.release(), candidate, files.size());
            } catch (ProblemException e) {
                LOG.errorf("Kiel files in %s not imported: %s", candidate, e.toProblem(candidate.toString()).violations
                        .stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
            }
        }
        return imported;
    }

    private static List<KielImportService.IncomingFile> kielFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> KielFile.byName(p.getFileName().toString()) != null)
                    .sorted()
                    .map(p -> new KielImportService.IncomingFile(p.getFileName().toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
