package org.openvmi.catalog.web;

import org.openvmi.catalog.ExportFile;
import org.openvmi.catalog.ImportProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** What the import/export controllers of the API and the UI share: the size limit and the download response. */
final class Uploads {

    private Uploads() {}

    /**
     * The servlet container enforces the same limit while it reads the request; this check covers uploads that reach
     * the controller another way (a different multipart resolver, tests) so that the limit holds everywhere.
     */
    static void checkSize(MultipartFile file, ImportProperties properties) {
        long max = properties.maxFileSize().toBytes();
        if (file.getSize() > max) {
            throw new MaxUploadSizeExceededException(max);
        }
    }

    static ResponseEntity<byte[]> download(ExportFile file) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
