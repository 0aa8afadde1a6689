package org.openvmi.catalog;

/** A downloadable export: the file name for Content-Disposition, its content type and bytes. */
public record ExportFile(String fileName, String contentType, byte[] content) {}
