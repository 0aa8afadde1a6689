package org.openvmi.inbound;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.consignment.ConsumptionView;
import org.openvmi.consignment.Consumptions;
import org.openvmi.inbound.internal.InboundDocumentRepository;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.inventory.PostingResult;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConcurrencyRetry;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.LostRace;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.SupplierStockReport;
import org.openvmi.supplier.SupplierStocks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts inbound documents (ADR 0063), each in its own transaction through the owning feature's API: the key of the
 * document (kind, party, source id) is claimed first, the feature posts inside the same transaction, and the result is
 * stored under the key. A repeat with the same content is answered with the stored result (DUPLICATE) and posts
 * nothing; the same source id with other content, or a document a feature refuses, is REJECTED with field errors and
 * leaves nothing behind, so it can be corrected and sent again under its source id.
 */
@Service
public class InboundDocuments {

    static final String OWN = "OWN";
    static final int MAX_SOURCE_ID = 100;

    private final InboundDocumentRepository documents;
    private final InventoryLedger ledger;
    private final Consumptions consumptions;
    private final SupplierStocks supplierStocks;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    // a twin committed the same key first (DuplicateKeyException), a deadlock, or a consumption whose lots a
    // concurrent one took (LostRace): the whole document runs again, and a twin's result is then found
    private final ConcurrencyRetry retry =
            ConcurrencyRetry.of(ConcurrencyRetry.DEFAULT_ATTEMPTS).alsoOn(DuplicateKeyException.class, LostRace.class);

    InboundDocuments(
            InboundDocumentRepository documents,
            InventoryLedger ledger,
            Consumptions consumptions,
            SupplierStocks supplierStocks,
            Validator validator,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.documents = documents;
        this.ledger = ledger;
        this.consumptions = consumptions;
        this.supplierStocks = supplierStocks;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Movement documents: each one posting of its lines (the types of {@code POST /movements}). */
    public InboundResult movements(InboundBatch<MovementDocument> batch) {
        List<DocumentResult> results = new ArrayList<>();
        for (MovementDocument d : checked(batch)) {
            results.add(post(InboundKind.MOVEMENTS, OWN, d == null ? null : d.sourceId(), d, () -> {
                if (d.lines() == null || d.lines().isEmpty()) {
                    throw InvalidInputException.of("lines", CodedRefusal.required());
                }
                PostingResult posting = ledger.postWithin(new PostingRequest(d.lines()));
                return new Posted(List.of(posting.postingId()), d.lines().size());
            }));
        }
        return InboundResult.of(results);
    }

    /** Sales / consumption documents: every line consumed FIFO, consigned stock settled, all lines or none. */
    public InboundResult consumptions(InboundBatch<ConsumptionDocument> batch) {
        List<DocumentResult> results = new ArrayList<>();
        for (ConsumptionDocument d : checked(batch)) {
            results.add(post(InboundKind.CONSUMPTIONS, OWN, d == null ? null : d.sourceId(), d, () -> {
                if (d.lines() == null || d.lines().isEmpty()) {
                    throw InvalidInputException.of("lines", CodedRefusal.required());
                }
                List<Long> postings = new ArrayList<>();
                for (int i = 0; i < d.lines().size(); i++) {
                    ConsumptionRequest line = d.lines().get(i);
                    String at = "lines[" + i + "]";
                    if (line == null) {
                        throw InvalidInputException.of(at, CodedRefusal.required());
                    }
                    ConsumptionView done = onLine(at, () -> consumptions.consume(line));
                    postings.add(done.postingId());
                }
                return new Posted(postings, d.lines().size());
            }));
        }
        return InboundResult.of(results);
    }

    /**
     * Supplier stock reports. A supplier's key reports only its own supplier: a document naming another is refused
     * with 403 before any document of the batch is written.
     */
    public InboundResult supplierStock(InboundBatch<SupplierStockDocument> batch) {
        List<SupplierStockDocument> docs = checked(batch);
        PartyScope scope = PartyScope.current();
        if (!scope.seesAll()) {
            for (SupplierStockDocument d : docs) {
                if (d != null && d.supplier() != null && !d.supplier().trim().equals(scope.supplierCode())) {
                    throw new AccessDeniedException("A supplier reports its own stock only");
                }
            }
        }
        List<DocumentResult> results = new ArrayList<>();
        for (SupplierStockDocument d : docs) {
            String supplier = d == null || d.supplier() == null || d.supplier().isBlank()
                    ? scope.supplierCode()
                    : d.supplier().trim();
            if (supplier == null) {
                results.add(DocumentResult.refused(
                        d == null ? null : d.sourceId(),
                        List.of(new FieldErrors.FieldError("supplier", CodedRefusal.required()))));
                continue;
            }
            results.add(post(InboundKind.SUPPLIER_STOCK, supplier, d == null ? null : d.sourceId(), d, () -> {
                SupplierStockReport report = new SupplierStockReport();
                report.setSupplier(supplier);
                report.setLines(d.lines());
                if (report.getLines().isEmpty()) {
                    throw InvalidInputException.of("lines", CodedRefusal.required());
                }
                return new Posted(
                        List.of(),
                        supplierStocks.report(report, StockSource.API).size());
            }));
        }
        return InboundResult.of(results);
    }

    private record Posted(List<Long> postingIds, int lines) {}

    private static <D> List<D> checked(InboundBatch<D> batch) {
        if (batch == null || batch.documents() == null || batch.documents().isEmpty()) {
            throw InvalidInputException.of("documents", CodedRefusal.required());
        }
        if (batch.documents().size() > InboundBatch.MAX_DOCUMENTS) {
            throw InvalidInputException.of(
                    "documents", "at most " + InboundBatch.MAX_DOCUMENTS + " documents in one request");
        }
        return batch.documents();
    }

    private DocumentResult post(
            InboundKind kind, String party, String rawSourceId, Object document, Supplier<Posted> work) {
        String sourceId = rawSourceId == null ? null : rawSourceId.trim();
        if (document == null || sourceId == null || sourceId.isEmpty()) {
            return DocumentResult.refused(
                    sourceId, List.of(new FieldErrors.FieldError("sourceId", CodedRefusal.required())));
        }
        if (sourceId.length() > MAX_SOURCE_ID) {
            return DocumentResult.refused(
                    sourceId,
                    List.of(new FieldErrors.FieldError("sourceId", "at most " + MAX_SOURCE_ID + " characters")));
        }
        List<FieldErrors.FieldError> invalid = RequestValidation.violations(validator, document);
        if (!invalid.isEmpty()) {
            return DocumentResult.refused(sourceId, invalid);
        }
        String hash = hash(kind, document);
        try {
            return retry.run(() -> transactions.execute(status -> once(kind, party, sourceId, hash, work)));
        } catch (InvalidInputException e) {
            return DocumentResult.refused(sourceId, e.errors());
        } catch (ConflictException e) {
            return DocumentResult.refused(sourceId, List.of(error(e.field(), e.getMessage())));
        } catch (BusinessRuleException e) {
            return DocumentResult.refused(sourceId, List.of(error(e.field(), e.getMessage())));
        } catch (NotFoundException | LostRace e) {
            return DocumentResult.refused(sourceId, List.of(error(null, e.getMessage())));
        }
    }

    private DocumentResult once(InboundKind kind, String party, String sourceId, String hash, Supplier<Posted> work) {
        Optional<InboundDocumentRepository.Stored> stored = documents.find(kind, party, sourceId);
        if (stored.isPresent()) {
            return replay(sourceId, hash, stored.get());
        }
        Instant now = clock.instant();
        String user = CurrentUser.name();
        documents.claim(kind, party, sourceId, hash, user, now);
        Posted posted = work.get();
        DocumentResult result = new DocumentResult(
                sourceId, InboundStatus.POSTED, posted.postingIds(), posted.lines(), now, user, List.of());
        documents.store(kind, party, sourceId, json.writeValueAsString(result));
        return result;
    }

    private DocumentResult replay(String sourceId, String hash, InboundDocumentRepository.Stored stored) {
        if (!stored.requestHash().equals(hash)) {
            throw new BusinessRuleException(
                    "sourceId", "source document '" + sourceId + "' was already posted with different content");
        }
        return json.readValue(stored.resultJson(), DocumentResult.class).as(InboundStatus.DUPLICATE);
    }

    /** A feature's refusal of one line, its fields named under the line ({@code lines[2].qty}). */
    private static <T> T onLine(String at, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> f.withField(at + "." + f.field()))
                    .toList());
        } catch (ConflictException e) {
            throw new ConflictException(at + "." + (e.field() == null ? "qty" : e.field()), e.getMessage());
        } catch (BusinessRuleException e) {
            throw new BusinessRuleException(e.field() == null ? at : at + "." + e.field(), e.getMessage());
        }
    }

    private static FieldErrors.FieldError error(String field, String message) {
        return new FieldErrors.FieldError(field == null ? "document" : field, message);
    }

    private String hash(InboundKind kind, Object document) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.name().getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(document));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
