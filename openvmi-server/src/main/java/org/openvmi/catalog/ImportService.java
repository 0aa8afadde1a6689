package org.openvmi.catalog;

import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openvmi.catalog.internal.ImportFileRepository;
import org.openvmi.catalog.internal.TabularAdapters;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.catalog.model.TabularImport;
import org.openvmi.catalog.model.Texts;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports and exports of master data lists as CSV or XLSX, for every entity registered in {@link TabularAdapters}.
 * The file is parsed before the transaction starts (a 20 MB spreadsheet holds no connection while it is read);
 * checking and writing then happen in one transaction, so an import is written entirely or not at all.
 */
@Service
public class ImportService {

    private final TabularAdapters adapters;
    private final ImportFileRepository files;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    ImportService(
            TabularAdapters adapters,
            ImportFileRepository files,
            Validator validator,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.adapters = adapters;
        this.files = files;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The entities that can be imported and exported, e.g. {@code items}. */
    public List<String> entities() {
        return adapters.entities();
    }

    /** The header names of an entity's files. */
    public List<String> columns(String entity) {
        return adapter(entity).columns();
    }

    /**
     * Imports a file: CSV unless its name ends in .xlsx. Every row is checked first; with bad rows nothing is written
     * unless {@code partial}, and then only the good rows are. Existing codes are updated, new codes created.
     */
    public ImportResult importFile(String entity, String fileName, InputStream content, boolean partial) {
        TabularAdapter<?> adapter = adapter(entity);
        if (!PartyScope.current().seesAll()) {
            throw new AccessDeniedException("Only buyer-side users import master data");
        }
        byte[] bytes = readAll(content);
        List<TabularRow> rows = TabularFiles.read(new ByteArrayInputStream(bytes), formatOf(fileName));
        TabularImport run = new TabularImport(validator, texts());
        if (!adapter.oncePerFile()) {
            return writing.execute(status -> run.run(adapter, rows, partial));
        }
        String hash = sha256(bytes);
        return writing.execute(status -> {
            Optional<Integer> before = files.rowsOf(entity, hash);
            if (before.isPresent()) {
                return new ImportResult(before.get(), 0, List.of(), 0, 0, before.get());
            }
            ImportResult result = run.run(adapter, rows, partial);
            if (result.imported() > 0) {
                files.record(entity, hash, fileName, result.imported(), CurrentUser.name(), clock.instant());
            }
            return result;
        });
    }

    private static byte[] readAll(InputStream content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole list the caller may see, as a file that imports back unchanged. */
    public ExportFile export(String entity, TabularFormat format) {
        TabularAdapter<?> adapter = adapter(entity);
        List<List<Object>> rows = reading.execute(status -> adapter.exportRows());
        byte[] content = TabularFiles.write(adapter.columns(), rows, format);
        String name = entity + "-" + LocalDate.now(clock) + "." + format.extension();
        return new ExportFile(name, format.contentType(), content);
    }

    private TabularAdapter<?> adapter(String entity) {
        return adapters.find(entity).orElseThrow(() -> new NotFoundException("Import/export of", entity));
    }

    private static TabularFormat formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
        if (name.endsWith(".xlsx")) {
            return TabularFormat.XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || !name.contains(".")) {
            return TabularFormat.CSV;
        }
        throw InvalidInputException.of("file", "must be a .csv or .xlsx file (an .xls workbook: save it as .xlsx)");
    }

    private Texts texts() {
        Locale locale = LocaleContextHolder.getLocale();
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }
}
