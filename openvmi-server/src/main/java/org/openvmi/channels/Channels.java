package org.openvmi.channels;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.internal.ChannelRepository;
import org.openvmi.channels.internal.ChannelRuleCache;
import org.openvmi.channels.internal.ChannelStock;
import org.openvmi.channels.internal.KeptStock;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.channels.model.ChannelStatus;
import org.openvmi.channels.model.PauseReason;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales channels and their allocation rules; available-to-sell per channel. */
@Service
public class Channels {

    /** At most this many items per ATP request. */
    public static final int MAX_ITEMS = 200;

    private final ChannelRepository channels;
    private final ChannelStock stock;
    private final ChannelRuleCache cache;
    private final KeptStock kept;
    private final CatalogRefs refs;
    private final Validator validator;
    private final Clock clock;
    private final AuditTrail audit;

    Channels(
            ChannelRepository channels,
            ChannelStock stock,
            ChannelRuleCache cache,
            KeptStock kept,
            CatalogRefs refs,
            Validator validator,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.channels = channels;
        this.stock = stock;
        this.cache = cache;
        this.kept = kept;
        this.refs = refs;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChannelView> list() {
        Map<Long, List<String>> warehouses = channels.warehouseCodes();
        Map<Long, Integer> paused = channels.pausedCounts();
        return channels.all().stream().map(r -> view(r, warehouses, paused)).toList();
    }

    @Transactional(readOnly = true)
    public ChannelView get(String code) {
        ChannelRepository.Row r = channels.byCode(code).orElseThrow(() -> new NotFoundException("Channel", code));
        return view(r, channels.warehouseCodes(), channels.pausedCounts());
    }

    @Transactional
    public ChannelView create(ChannelRequest request) {
        Checked c = check(request, null);
        try {
            channels.insert(c.row(), c.warehouses());
            cache.invalidate();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "code", CodedRefusal.duplicate("Channel", c.row().code()));
        }
        return get(c.row().code());
    }

    @Transactional
    public ChannelView update(String code, ChannelRequest request) {
        ChannelRepository.Row old = channels.lockByCode(code).orElseThrow(() -> new NotFoundException("Channel", code));
        Checked c = check(request, old);
        List<Long> oldWarehouses = channels.warehouseIds(old.id());
        if (sameRule(old, c.row()) && Set.copyOf(oldWarehouses).equals(Set.copyOf(c.warehouses()))) {
            return get(code); // saved unchanged (a form sent back as it was): nothing written, nothing logged
        }
        channels.update(c.row(), c.warehouses());
        cache.invalidate();
        stock.ruleChanged(old, c.row(), c.warehouses());
        return get(code);
    }

    /** The same rule: every setting equal (numbers by value, so 30 and 30.0000 are the same percentage). */
    static boolean sameRule(ChannelRepository.Row a, ChannelRepository.Row b) {
        return a.name().equals(b.name())
                && a.priority() == b.priority()
                && sameNumber(a.percentage(), b.percentage())
                && sameNumber(a.fixedQuota(), b.fixedQuota())
                && sameNumber(a.safetyBuffer(), b.safetyBuffer())
                && sameNumber(a.pauseBelow(), b.pauseBelow())
                && a.status() == b.status();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * ATP of a channel for the given item codes (unknown codes are a 400 naming them). The channels and rules come
     * from {@link ChannelRuleCache}, the items' stock, pauses and holds from {@link KeptStock}: in the steady state
     * no SQL and no transaction (ADR 0082); items not kept yet are read in one pass.
     */
    public AtpView atp(String code, List<String> itemCodes) {
        ChannelRuleCache.Snapshot rules = cache.get();
        ChannelRepository.Row channel = rules.byCode().get(code);
        if (channel == null) {
            throw new NotFoundException("Channel", code);
        }
        Map<String, ItemRef> items = items(itemCodes, kept::items);
        ChannelStock.Picture p =
                kept.picture(items.values().stream().map(ItemRef::id).toList(), rules.rules());
        AllocationRule rule = p.rules().stream()
                .filter(r -> r.channelId() == channel.id())
                .findFirst()
                .orElse(null);
        List<AtpView.Line> lines = new ArrayList<>(items.size());
        for (ItemRef i : items.values()) {
            BigDecimal atp = rule == null
                    ? BigDecimal.ZERO
                    : p.allocation().get(i.id()).of(channel.id()).total();
            BigDecimal poolFree = rule == null ? BigDecimal.ZERO : p.poolFree(i.id(), rule);
            lines.add(new AtpView.Line(
                    i.code(), i.name(), Decimals.plain(atp), Decimals.plain(poolFree), p.paused(i.id(), channel.id())));
        }
        return new AtpView(channel.code(), channel.status().name(), lines);
    }

    /** The allocation page: every channel's ATP of the given items (or of the items channels sold lately). */
    @Transactional(readOnly = true)
    public Board board(List<String> itemCodes) {
        Map<String, ItemRef> items;
        if (itemCodes == null || itemCodes.isEmpty()) {
            Set<Long> ids = new LinkedHashSet<>(channels.pausedItems(20));
            ids.addAll(channels.recentItems(30));
            Map<Long, ItemRef> byId = refs.itemsById(ids);
            items = new LinkedHashMap<>();
            for (long id : ids) {
                if (byId.containsKey(id)) {
                    items.put(byId.get(id).code(), byId.get(id));
                }
            }
        } else {
            items = items(itemCodes);
        }
        List<ChannelView> list = list();
        ChannelStock.Picture p =
                stock.picture(items.values().stream().map(ItemRef::id).toList());
        List<Board.Row> rows = new ArrayList<>();
        for (ItemRef i : items.values()) {
            List<Board.Cell> cells = new ArrayList<>();
            BigDecimal free = p.freeByWarehouse().getOrDefault(i.id(), Map.of()).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (ChannelView c : list) {
                BigDecimal atp = p.allocation().get(i.id()).of(c.id()).total();
                cells.add(new Board.Cell(c.code(), Decimals.plain(atp), p.paused(i.id(), c.id())));
            }
            rows.add(new Board.Row(i.code(), i.name(), Decimals.plain(free), cells));
        }
        return new Board(list, rows, channels.pauseLog(null, 20));
    }

    /** Whether a channel of this code exists (a rule's action names one). */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && cache.get().byCode().containsKey(code);
    }

    /**
     * Every channel's figures for the items (by id): its pool's free stock, its ATP, whether it is paused and held so.
     * Read in batches of {@value #MAX_ITEMS} items.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ChannelFigures>> figures(java.util.Collection<Long> itemIds) {
        ChannelRuleCache.Snapshot rules = cache.get();
        Map<Long, String> codes = new java.util.HashMap<>();
        rules.byCode().values().forEach(r -> codes.put(r.id(), r.code()));
        Map<Long, List<ChannelFigures>> out = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(itemIds));
        for (int from = 0; from < ids.size(); from += MAX_ITEMS) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + MAX_ITEMS));
            ChannelStock.Picture p = stock.picture(batch, rules.rules());
            for (long item : batch) {
                List<ChannelFigures> list = new ArrayList<>();
                for (AllocationRule r : p.rules()) {
                    list.add(new ChannelFigures(
                            codes.get(r.channelId()),
                            item,
                            Decimals.plain(p.poolFree(item, r)),
                            Decimals.plain(
                                    p.allocation().get(item).of(r.channelId()).total()),
                            p.paused(item, r.channelId()),
                            p.held(item, r.channelId())));
                }
                out.put(item, list);
            }
        }
        return out;
    }

    /**
     * A person pauses the channel for the item and holds it so: the automatic pause line leaves it alone until a person
     * (or a rule's resume … never: a rule does not lift a person's pause) resumes it. Logged and audited with who.
     */
    @Transactional
    public ItemPauseView pauseItem(String channel, String item, ItemPauseRequest request) {
        return byPerson(channel, item, true, request);
    }

    /**
     * A person resumes a channel held paused for the item (by a rule or a person); the line then judges it at once. A
     * channel paused by its line is a 409: the line resumes it once the pool's free stock is back.
     */
    @Transactional
    public ItemPauseView resumeItem(String channel, String item, ItemPauseRequest request) {
        return byPerson(channel, item, false, request);
    }

    private ItemPauseView byPerson(String channel, String item, boolean pause, ItemPauseRequest request) {
        String note =
                request == null || request.note() == null || request.note().isBlank()
                        ? null
                        : request.note().trim();
        if (note != null && note.length() > 500) {
            throw InvalidInputException.of(
                    "note", CodedRefusal.of("channelNoteTooLong", "at most 500 characters", 500));
        }
        ChannelRepository.Row row =
                channels.byCode(channel).orElseThrow(() -> new NotFoundException("Channel", channel));
        ItemRef ref = items(List.of(item)).values().iterator().next();
        channels.lockItems(List.of(ref.id()));
        var current = channels.pauseReason(row.id(), ref.id());
        if (!pause && current.isPresent() && !current.get().held()) {
            throw new ConflictException(
                    "item",
                    CodedRefusal.of(
                            "channelPausedByLine",
                            "the channel is paused for the item by its pause line; it resumes when the pool's free"
                                    + " stock is back at the line"));
        }
        return hold(row, ref, pause, PauseReason.MANUAL, CurrentUser.name(), note);
    }

    /**
     * A rule pauses ({@code pause}) or resumes the channel for the item (by id), in the rule's transaction: a pause is
     * held until a rule or a person resumes it; a rule's resume lifts a rule's pause only, never a person's. Logged and
     * audited as {@code rule:<id>}. Unknown channel: 404.
     */
    @Transactional
    public ItemPauseView holdByRule(long ruleId, String channel, long itemId, boolean pause, String note) {
        ChannelRepository.Row row =
                channels.byCode(channel).orElseThrow(() -> new NotFoundException("Channel", channel));
        ItemRef ref = refs.itemsById(List.of(itemId)).get(itemId);
        if (ref == null) {
            throw new NotFoundException("Item", itemId);
        }
        channels.lockItems(List.of(itemId));
        return hold(row, ref, pause, PauseReason.RULE, "rule:" + ruleId, note);
    }

    private ItemPauseView hold(
            ChannelRepository.Row row, ItemRef ref, boolean pause, PauseReason reason, String by, String note) {
        var before = channels.pauseReason(row.id(), ref.id());
        var moved = stock.hold(row, ref, pause, reason, by, note);
        var after = channels.pauseReason(row.id(), ref.id());
        boolean changed = moved.isPresent();
        if (changed) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", moved.get().name());
            details.put("reason", reason.name());
            details.put("before", before.map(Enum::name).orElse(null));
            details.put("note", note);
            audit.recordAs(
                    by,
                    pause ? "CHANNEL_PAUSE" : "CHANNEL_RESUME",
                    "ChannelItem",
                    row.code() + "/" + ref.code(),
                    details);
        }
        return new ItemPauseView(
                row.code(), ref.code(), after.isPresent(), after.map(Enum::name).orElse(null), changed);
    }

    /** What the allocation page shows. */
    public record Board(List<ChannelView> channels, List<Row> rows, List<PauseLogView> log) {

        public record Row(String item, String itemName, BigDecimal free, List<Cell> cells) {}

        public record Cell(String channel, BigDecimal atp, boolean paused) {}
    }

    @Transactional(readOnly = true)
    public List<PauseLogView> pauseLog(String code) {
        if (channels.byCode(code).isEmpty()) {
            throw new NotFoundException("Channel", code);
        }
        return channels.pauseLog(code, 200);
    }

    private Map<String, ItemRef> items(List<String> itemCodes) {
        return items(itemCodes, refs::items);
    }

    private Map<String, ItemRef> items(
            List<String> itemCodes, java.util.function.Function<List<String>, Map<String, ItemRef>> resolve) {
        List<String> codes = itemCodes == null
                ? List.of()
                : itemCodes.stream()
                        .flatMap(s -> java.util.Arrays.stream(s.split(",")))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (codes.isEmpty()) {
            throw InvalidInputException.of("items", CodedRefusal.required());
        }
        if (codes.size() > MAX_ITEMS) {
            throw InvalidInputException.of("items", CodedRefusal.between(1, MAX_ITEMS));
        }
        Map<String, ItemRef> found = resolve.apply(codes);
        FieldErrors errors = new FieldErrors();
        Map<String, ItemRef> items = new LinkedHashMap<>();
        for (String code : codes) {
            ItemRef ref = found.get(code);
            if (ref == null) {
                errors.add("items", CodedRefusal.unknown("item", code));
            } else {
                items.put(ref.code(), ref);
            }
        }
        errors.throwIfAny();
        return items;
    }

    private record Checked(ChannelRepository.Row row, List<Long> warehouses) {}

    private Checked check(ChannelRequest r, ChannelRepository.Row old) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        String code =
                old != null ? old.code() : r.code() == null ? null : r.code().trim();
        if (old == null && (code == null || code.isEmpty())) {
            errors.add("code", CodedRefusal.required());
        } else if (old == null && !code.matches("[A-Za-z0-9_.-]{1,40}")) {
            errors.add("code", CodedRefusal.of("channelCode", "letters, digits, '-', '_' or '.' only"));
        }
        if (old != null && r.code() != null && !r.code().equals(old.code())) {
            errors.add("code", CodedRefusal.of("channelCodeFixed", "a channel's code cannot change"));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", CodedRefusal.required());
        }
        if (r.priority() == null) {
            errors.add("priority", CodedRefusal.required());
        } else if (r.priority() < 1 || r.priority() > 1000) {
            errors.add("priority", CodedRefusal.between(1, 1000));
        }
        if (r.percentage() != null
                && (r.percentage().signum() < 0 || r.percentage().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add("percentage", CodedRefusal.between(0, 100));
        }
        if (r.percentage() != null && r.fixedQuota() != null) {
            errors.add(
                    "fixedQuota", CodedRefusal.of("percentageOrQuota", "give a percentage or a fixed quota, not both"));
        }
        nonNegative("fixedQuota", r.fixedQuota(), errors);
        nonNegative("safetyBuffer", r.safetyBuffer(), errors);
        nonNegative("pauseBelow", r.pauseBelow(), errors);
        ChannelStatus status = ChannelStatus.ACTIVE;
        if (r.status() != null && !r.status().isBlank()) {
            try {
                status = ChannelStatus.valueOf(r.status());
            } catch (IllegalArgumentException e) {
                errors.add("status", CodedRefusal.unknown("status", r.status()));
            }
            if (status == ChannelStatus.PAUSED) {
                errors.add(
                        "status",
                        CodedRefusal.of(
                                "channelStatus", "ACTIVE or INACTIVE: channels are paused per item by their line"));
            }
        }
        List<Long> warehouseIds = new ArrayList<>();
        if (r.warehouses() == null || r.warehouses().isEmpty()) {
            errors.add("warehouses", CodedRefusal.required());
        } else {
            Map<String, Long> ids = refs.warehouses(r.warehouses());
            for (String w : r.warehouses()) {
                if (!ids.containsKey(w)) {
                    errors.add("warehouses", CodedRefusal.unknown("warehouse", w));
                } else {
                    warehouseIds.add(ids.get(w));
                }
            }
        }
        errors.throwIfAny();
        if (old != null
                && old.status() != status
                && old.status() != ChannelStatus.PAUSED
                && !old.status().canMoveTo(status)) {
            throw new ConflictException("status", "a channel cannot move from " + old.status() + " to " + status);
        }
        ChannelRepository.Row row = new ChannelRepository.Row(
                old == null ? 0 : old.id(),
                code,
                r.name().trim(),
                r.priority(),
                r.percentage(),
                r.fixedQuota(),
                r.safetyBuffer() == null ? BigDecimal.ZERO : r.safetyBuffer(),
                r.pauseBelow(),
                status,
                CurrentUser.name(),
                clock.instant());
        return new Checked(row, warehouseIds);
    }

    private static void nonNegative(String field, BigDecimal value, FieldErrors errors) {
        if (value != null && value.signum() < 0) {
            errors.add(field, CodedRefusal.notNegative());
        }
    }

    private static ChannelView view(
            ChannelRepository.Row r, Map<Long, List<String>> warehouses, Map<Long, Integer> paused) {
        return new ChannelView(
                r.id(),
                r.code(),
                r.name(),
                r.priority(),
                warehouses.getOrDefault(r.id(), List.of()),
                plain(r.percentage()),
                plain(r.fixedQuota()),
                plain(r.safetyBuffer()),
                plain(r.pauseBelow()),
                r.status().name(),
                paused.getOrDefault(r.id(), 0),
                r.updatedBy(),
                r.updatedAt());
    }

    private static BigDecimal plain(BigDecimal q) {
        return q == null ? null : Decimals.plain(q);
    }
}
