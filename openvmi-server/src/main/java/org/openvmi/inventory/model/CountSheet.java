package org.openvmi.inventory.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cycle count sheet for one location, or for a warehouse (optionally one item category). Counted quantities are
 * entered while it is OPEN — also for stock found that was not on the sheet — and it is posted once, when every line
 * is counted. The variance posted is counted − book at posting time (see docs/adr).
 */
public final class CountSheet {

    /** A counted quantity for a key, with what the sheet needs to check that the key is in its scope. */
    public record Entry(
            StockKey key,
            String item,
            String itemCategory,
            String location,
            String warehouse,
            boolean inTransit,
            BigDecimal counted,
            BigDecimal bookNow) {}

    private final long id;
    private final long version;
    private final String warehouse;
    private final String location;
    private final String category;
    private final boolean blind;
    private CountStatus status;
    private final List<CountLine> lines;
    private final Set<Integer> changed = new LinkedHashSet<>();

    public CountSheet(
            long id,
            long version,
            CountStatus status,
            String warehouse,
            String location,
            String category,
            boolean blind,
            List<CountLine> lines) {
        this.id = id;
        this.version = version;
        this.status = status;
        this.warehouse = warehouse;
        this.location = location;
        this.category = category;
        this.blind = blind;
        this.lines = new ArrayList<>(lines);
    }

    /** The rule for the location of a new sheet: in-transit stock is settled by its transfers, not counted. */
    public static Optional<Refusal> countable(String location, boolean inTransit) {
        if (inTransit) {
            return Optional.of(Refusal.rule(
                    "location",
                    "'" + location
                            + "' is an in-transit location: its stock is settled by receiving or closing transfers"));
        }
        return Optional.empty();
    }

    public Optional<Refusal> enter(List<Entry> entries) {
        status.moveTo(CountStatus.OPEN, id); // entering counts keeps a sheet open; a posted one no longer changes
        for (int i = 0; i < entries.size(); i++) {
            Optional<Refusal> outOfScope = scope(i, entries.get(i));
            if (outOfScope.isPresent()) {
                return outOfScope;
            }
        }
        for (Entry e : entries) {
            int at = indexOf(e.key());
            if (at >= 0) {
                lines.set(at, lines.get(at).withCounted(e.counted()));
                changed.add(lines.get(at).lineNo());
            } else {
                int no = lines.stream().mapToInt(CountLine::lineNo).max().orElse(0) + 1;
                lines.add(
                        new CountLine(no, e.key(), e.item(), e.location(), e.bookNow(), e.counted(), true, null, null));
                changed.add(no);
            }
        }
        return Optional.empty();
    }

    /** Checks that every line is counted and marks the sheet posted; then {@link #posted} records each variance. */
    public Optional<Refusal> post() {
        CountStatus posted = status.moveTo(CountStatus.POSTED, id);
        if (lines.isEmpty()) {
            return Optional.of(Refusal.rule("lines", "nothing counted: the sheet has no lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).counted() == null) {
                return Optional.of(Refusal.rule(
                        "lines[" + i + "].counted",
                        lines.get(i).describe() + " is not counted yet; enter 0 when nothing was found"));
            }
        }
        status = posted;
        return Optional.empty();
    }

    /** Records the book quantity at posting per line number; the variance is counted − that book quantity. */
    public void posted(Map<Integer, BigDecimal> bookAtPosting) {
        lines.replaceAll(l -> bookAtPosting.containsKey(l.lineNo()) ? l.posted(bookAtPosting.get(l.lineNo())) : l);
    }

    /** A blind sheet hides book quantities from the counter until it is posted. */
    public boolean showsBook() {
        return !blind || status == CountStatus.POSTED;
    }

    private Optional<Refusal> scope(int i, Entry e) {
        if (e.inTransit()) {
            return Optional.of(Refusal.rule(
                    "lines[" + i + "].location",
                    "'" + e.location()
                            + "' is an in-transit location: its stock is settled by receiving or closing transfers"));
        }
        if (location != null && !location.equals(e.location())) {
            return Optional.of(Refusal.rule(
                    "lines[" + i + "].location",
                    "'" + e.location() + "' is not the location of count " + id + " (" + location + ")"));
        }
        if (!warehouse.equals(e.warehouse())) {
            return Optional.of(Refusal.rule(
                    "lines[" + i + "].location",
                    "'" + e.location() + "' is not in warehouse " + warehouse + " of count " + id));
        }
        if (category != null && !category.equals(e.itemCategory())) {
            return Optional.of(Refusal.rule(
                    "lines[" + i + "].item",
                    "item '" + e.item() + "' is not of category '" + category + "' counted by count " + id));
        }
        return Optional.empty();
    }

    private int indexOf(StockKey key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public CountStatus status() {
        return status;
    }

    public boolean blind() {
        return blind;
    }

    public String location() {
        return location;
    }

    public String category() {
        return category;
    }

    public List<CountLine> lines() {
        return List.copyOf(lines);
    }

    /** Lines entered or found since the sheet was loaded. */
    public List<CountLine> changedLines() {
        return lines.stream().filter(l -> changed.contains(l.lineNo())).toList();
    }
}
