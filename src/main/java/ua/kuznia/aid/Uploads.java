package ua.kuznia.aid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads multipart file parts; the HTTP layer has already spooled them to disk and limited their size. */
final class Uploads {

    private Uploads() {
    }

    static KielImportService.IncomingFile read(FileUpload upload) {
        try {
            return new KielImportService.IncomingFile(upload.fileName(), Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded part " + upload.fileName(), e);
        }
    }
}
