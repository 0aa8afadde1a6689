package org.openvmi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules engine end to end through the API, on stock posted through the API with a movable clock: the two
 * templates fire and stay quiet on constructed subjects, actions happen once per subject and window, bad CEL is
 * refused with its position, a rule sees only its scope (a supplier-owned rule only its supplier's items), and a rule
 * that keeps failing is disabled without stopping the others. Run on H2 and PostgreSQL.
 */
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = "openvmi.rules.check-interval=PT10H")
abstract class RulesContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    MutableClock clock;

    @Autowired
    RuleEngine engine;

    @Autowired
    Rules rules;

    @Autowired
    org.openvmi.inventory.InventoryLedger ledger;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An item at a new warehouse, on a supplier's source list with a lead time, with receipts and issues posted now. */
    final class Subject {
        final String item = Fixtures.unique("RI");
        final String warehouse = Fixtures.unique("RW");
        final String bin = warehouse + "-B1";

        Subject(String supplier, int leadTimeDays) throws Exception {
            send(
                    post("/api/v1/items"),
                    Role.ADMIN,
                    "{\"code\":\"" + item + "\",\"name\":\"轴承\",\"uom\":\"PCS\","
                            + "\"category\":\"bearings\",\"unitCost\":\"2.50\"}");
            send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + warehouse + "\",\"name\":\"仓\"}");
            send(
                    post("/api/v1/warehouses/" + warehouse + "/locations"),
                    Role.ADMIN,
                    "{\"code\":\"" + bin + "\",\"type\":\"STORAGE\"}");
            send(
                    post("/api/v1/suppliers/" + supplier + "/items"),
                    Role.ADMIN,
                    "{\"item\":\"" + item + "\",\"price\":2.5,\"leadTimeDays\":" + leadTimeDays + ",\"primary\":true}");
        }

        /** The same item at a further new warehouse; its code. */
        String elsewhere(int received) throws Exception {
            String other = Fixtures.unique("RW");
            send(post("/api/v1/warehouses"), Role.ADMIN, "{\"code\":\"" + other + "\",\"name\":\"仓\"}");
            send(
                    post("/api/v1/warehouses/" + other + "/locations"),
                    Role.ADMIN,
                    "{\"code\":\"" + other + "-B1\",\"type\":\"STORAGE\"}");
            send(
                    post("/api/v1/movements"),
                    Role.WAREHOUSE,
                    "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"" + item
                            + "\",\"location\":\"" + other + "-B1\",\"owner\":\"OWN\",\"lot\":null,\"qty\":" + received
                            + ",\"reference\":\"T-RULE\"}]}");
            return other;
        }

        Subject lines(String at, int safety, int warning, int max) throws Exception {
            send(
                    put("/api/v1/stock-policies/" + item + "/" + (at == null ? warehouse : at)),
                    Role.PLANNER,
                    "{\"safety\":" + safety + ",\"warning\":" + warning + ",\"max\":" + max + "}");
            return this;
        }

        /** A movement of the item at another warehouse (its bin {@code <code>-B1}). */
        Subject moveAt(String at, String type, int qty) throws Exception {
            send(
                    post("/api/v1/movements"),
                    Role.WAREHOUSE,
                    "{\"lines\":[{\"type\":\"" + type + "\",\"item\":\"" + item
                            + "\",\"location\":\"" + at + "-B1\",\"owner\":\"OWN\",\"lot\":null,\"qty\":" + qty
                            + ",\"reference\":\"T-RULE\"}]}");
            return this;
        }

        Subject move(String type, int qty) throws Exception {
            send(
                    post("/api/v1/movements"),
                    Role.WAREHOUSE,
                    "{\"lines\":[{\"type\":\"" + type + "\",\"item\":\"" + item
                            + "\",\"location\":\"" + bin + "\",\"owner\":\"OWN\",\"lot\":null,\"qty\":" + qty
                            + ",\"reference\":\"T-RULE\"}]}");
            return this;
        }
    }

    private String send(MockHttpServletRequestBuilder request, Role role, String json) throws Exception {
        var response = mvc.perform(request.with(as(role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        if (response.getStatus() >= 300) {
            throw new AssertionError(request + " answered " + response.getStatus() + " for " + json + ": "
                    + response.getContentAsString());
        }
        return response.getContentAsString();
    }

    private JsonNode template(String key) throws Exception {
        JsonNode all = JSON.readTree(send(get("/api/v1/rules/templates"), Role.PLANNER, ""));
        for (JsonNode t : all) {
            if (t.get("key").asString().equals(key)) {
                return t.get("rule");
            }
        }
        throw new AssertionError("no template " + key);
    }

    private long create(JsonNode rule, List<String> items, boolean enabled) throws Exception {
        ObjectNode body = (ObjectNode) rule.deepCopy();
        ObjectNode scope = body.putObject("scope");
        scope.putArray("items")
                .addAll(items.stream().map(JSON.getNodeFactory()::textNode).toList());
        body.put("enabled", enabled);
        return JSON.readTree(send(post("/api/v1/rules"), Role.BUYER, body.toString()))
                .get("id")
                .asLong();
    }

    private JsonNode dryRun(long id) throws Exception {
        return JSON.readTree(send(post("/api/v1/rules/" + id + "/dry-run"), Role.VIEWER, ""));
    }

    @Test
    void a_template_is_named_and_described_in_the_readers_language_in_the_api_and_in_the_editor() throws Exception {
        JsonNode zh = JSON.readTree(mvc.perform(get("/api/v1/rules/templates")
                        .with(as(Role.PLANNER))
                        .locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn()
                .getResponse()
                .getContentAsString());
        for (JsonNode t : zh) {
            String text = t.get("name").asString()
                    + t.get("rule").get("name").asString()
                    + t.get("rule").get("description").asString();
            assertThat(text).as(t.get("key").asString()).doesNotContainPattern("[A-Za-z]{4,}");
        }
        JsonNode en = JSON.readTree(mvc.perform(
                        get("/api/v1/rules/templates").with(as(Role.PLANNER)).locale(java.util.Locale.ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(en.get(0).get("rule").get("name").asString()).isEqualTo("Stale stock");

        var response = mvc.perform(
                        get("/rules/new")
                                .param("template", "stale-stock")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("t-buyer")
                                        .roles("BUYER"))
                                .locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("呆滞预警").doesNotContain("Stale stock");
    }

    @Test
    void demand_cv_fires_on_lumpy_demand_and_stays_quiet_without_demand() throws Exception {
        Subject lumpy = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100).move("ISSUE", 30);
        Subject idle = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "demandCv > 5.0");
        JsonNode dry = dryRun(create(rule, List.of(lumpy.item, idle.item), false));
        assertThat(dry.get("subjects").asInt()).isEqualTo(2);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = dry.get("hits").get(0);
        assertThat(hit.get("item").asString()).isEqualTo(lumpy.item);
        // all 90 days' demand on one day: cv = sqrt(89) = 9.434
        assertThat(hit.get("values").get("demandCv").asString()).isEqualTo("9.434");
    }

    @Test
    void the_transfer_template_suggests_a_transfer_from_the_warehouse_with_cover_and_stays_quiet_otherwise()
            throws Exception {
        // below warning here (5 < 20); the other warehouse holds 80 without demand (cover 99,999 > 90), safety 30
        Subject low = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5).lines(null, 10, 20, 50);
        String rich = low.elsewhere(80);
        low.lines(rich, 30, 40, 100);
        // below warning too, but the other warehouse sells 30 in 90 days: 5 left is 15 days of cover (≤ 90)
        Subject calm = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5).lines(null, 10, 20, 50);
        String busy = calm.elsewhere(35);
        calm.moveAt(busy, "ISSUE", 30);
        long rule = create(template("transfer-suggestion"), List.of(low.item, calm.item), false);

        JsonNode dry = dryRun(rule);
        assertThat(dry.get("subjects").asInt()).isEqualTo(4);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = dry.get("hits").get(0);
        assertThat(hit.get("item").asString()).isEqualTo(low.item);
        assertThat(hit.get("warehouse").asString()).isEqualTo(low.warehouse);
        assertThat(hit.get("values").get("maxCoverElsewhere").asString()).isEqualTo("99999");
        JsonNode would = hit.get("actions").get(0);
        assertThat(would.get("type").asString()).isEqualTo("TRANSFER_SUGGESTION");
        assertThat(would.get("message").asString()).as("the source").isEqualTo(rich);
        assertThat(would.get("quantity").decimalValue())
                .as("max 50 − available 5")
                .isEqualByComparingTo("45");
        assertThat(transfers(low.item)).as("a dry-run creates nothing").isEmpty();

        assertThat(engine.run(rule, clock.instant()).created()).isEqualTo(1);
        assertThat(engine.run(rule, clock.instant()).created())
                .as("once per rule, subject and day")
                .isZero();
        List<JsonNode> open = transfers(low.item);
        assertThat(open).hasSize(1);
        JsonNode suggestion = open.get(0);
        assertThat(suggestion.get("warehouse").asString()).isEqualTo(low.warehouse);
        assertThat(suggestion.get("fromWarehouse").asString()).isEqualTo(rich);
        assertThat(suggestion.get("qty").decimalValue()).isEqualByComparingTo("45");
        assertThat(suggestion.get("rule").asString()).isEqualTo("Transfer suggestion");
        assertThat(suggestion.get("reason").asString())
                .contains("Transfer suggestion")
                .contains("transfer 45 from " + rich)
                .contains("80 available");
        assertThat(transfers(calm.item)).isEmpty();

        // accepted like any transfer suggestion: a transfer order from the source to the subject's warehouse
        JsonNode accepted = JSON.readTree(
                send(post("/api/v1/suggestions/" + suggestion.get("id").asLong() + "/accept"), Role.BUYER, ""));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("transferId").isNull()).isFalse();
    }

    @Test
    void a_transfer_never_takes_the_source_below_its_safety_line_and_stays_in_the_rules_scope() throws Exception {
        Subject low = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5).lines(null, 10, 20, 50);
        String tight = low.elsewhere(38);
        low.lines(tight, 30, 35, 100); // 8 above its safety line
        Subject none = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5).lines(null, 10, 20, 50);
        String atSafety = none.elsewhere(30);
        none.lines(atSafety, 30, 30, 100); // nothing above it (and not below its own warning line)
        long rule = create(template("transfer-suggestion"), List.of(low.item, none.item), false);
        JsonNode dry = dryRun(rule);
        assertThat(dry.get("fired").asInt())
                .as("both below warning with a rich warehouse elsewhere")
                .isEqualTo(2);
        assertThat(engine.run(rule, clock.instant()).created()).isEqualTo(1);
        assertThat(transfers(low.item))
                .singleElement()
                .satisfies(t -> assertThat(t.get("qty").decimalValue())
                        .as("cut to 38 − 30")
                        .isEqualByComparingTo("8"));
        assertThat(transfers(none.item))
                .as("no unit above the source's safety line")
                .isEmpty();

        // the rule's warehouse scope holds the destination only: the source is outside it, nothing is suggested
        ObjectNode scoped = (ObjectNode) template("transfer-suggestion").deepCopy();
        scoped.put("name", "Scoped transfer");
        scoped.putObject("scope").putArray("warehouses").add(low.warehouse);
        long inScope = JSON.readTree(send(post("/api/v1/rules"), Role.BUYER, scoped.toString()))
                .get("id")
                .asLong();
        clock.advance(Duration.ofDays(1));
        assertThat(dryRun(inScope)
                        .get("hits")
                        .get(0)
                        .get("actions")
                        .get(0)
                        .get("quantity")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertThat(engine.run(inScope, clock.instant()).created()).isZero();
        // naming a source outside the scope is refused on the action's field
        ((ObjectNode) scoped.get("actions").get(0)).put("fromWarehouse", tight);
        var refused = mvc.perform(post("/api/v1/rules")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scoped.toString()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("actions[0].fromWarehouse");

        // planning's API checks on its own: source ≠ destination, quantity > 0, never below the source's safety
        long item = jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", low.item)
                .query(Long.class)
                .single();
        long here = warehouseId(low.warehouse);
        long there = warehouseId(tight);
        assertThat(refusedTransfer(item, here, here, "1", java.util.Set.of())).contains("fromWarehouse");
        assertThat(refusedTransfer(item, here, there, "0", java.util.Set.of())).contains("qty");
        assertThat(refusedTransfer(item, here, there, "9", java.util.Set.of())).contains("qty");
        assertThat(refusedTransfer(item, here, there, "1", java.util.Set.of(low.warehouse)))
                .contains("fromWarehouse");
    }

    @Autowired
    org.openvmi.planning.Suggestions suggestions;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private long warehouseId(String code) {
        return jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** The fields planning's transfer API refuses, or "accepted" (rolled back either way). */
    private String refusedTransfer(long item, long to, long from, String qty, java.util.Set<String> scope) {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                suggestions.suggestTransfer(new org.openvmi.planning.RuleTransfer(
                        1,
                        "t",
                        item,
                        to,
                        from,
                        new java.math.BigDecimal(qty),
                        scope,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
                return "accepted";
            } catch (org.openvmi.shared.InvalidInputException e) {
                return e.errors().stream()
                        .map(org.openvmi.shared.FieldErrors.FieldError::field)
                        .toList()
                        .toString();
            }
        });
    }

    private List<JsonNode> transfers(String item) throws Exception {
        List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(send(
                        get("/api/v1/suggestions?type=TRANSFER&status=OPEN&item=" + item)
                                .header("Accept-Language", "en"),
                        Role.BUYER,
                        ""))
                .get("content")
                .forEach(list::add);
        return list;
    }

    @Test
    void the_dynamic_safety_template_fires_on_variable_demand_with_a_low_line_and_stays_quiet_otherwise()
            throws Exception {
        Subject low = new Subject(Fixtures.SUPPLIER_A, 20)
                .move("RECEIPT", 100)
                .move("ISSUE", 30)
                .lines(null, 5, 10, 200);
        Subject high = new Subject(Fixtures.SUPPLIER_A, 20)
                .move("RECEIPT", 100)
                .move("ISSUE", 30)
                .lines(null, 30, 40, 200);
        Subject idle = new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 100).lines(null, 5, 10, 200);
        long rule = create(template("dynamic-safety"), List.of(low.item, high.item, idle.item), false);

        JsonNode dry = dryRun(rule);
        assertThat(dry.get("subjects").asInt()).isEqualTo(3);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = dry.get("hits").get(0);
        assertThat(hit.get("item").asString()).isEqualTo(low.item);
        // 1.65 × cv 9.434 × 30/90 a day × √20 days = 23.20
        assertThat(hit.get("values").get("suggestedSafety").asString()).isEqualTo("23.2");
        assertThat(hit.get("actions").get(0).get("type").asString()).isEqualTo("SET_SAFETY_STOCK");
        assertThat(hit.get("actions").get(0).get("quantity").decimalValue()).isEqualByComparingTo("24");
        assertThat(hit.get("actions").get(1).get("message").asString()).contains("raised from 5 to 23.2");
        assertThat(engine.run(rule, clock.instant()).created())
                .as("the line set, the alert raised")
                .isEqualTo(2);
        assertThat(JSON.readTree(send(get("/api/v1/stock-policies/" + low.item + "/" + low.warehouse), Role.VIEWER, ""))
                        .get("safety")
                        .decimalValue())
                .isEqualByComparingTo("24");
        clock.advance(Duration.ofDays(7));
        assertThat(engine.run(rule, clock.instant()).fired())
                .as("the next week the line holds")
                .isZero();
    }

    @Test
    void a_rule_sets_the_service_level_through_stock_policy_recorded_as_the_rule_and_refuses_a_level_out_of_range()
            throws Exception {
        Subject lumpy = new Subject(Fixtures.SUPPLIER_A, 7)
                .move("RECEIPT", 100)
                .move("ISSUE", 30)
                .lines(null, 5, 10, 200);
        Subject steady =
                new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100).lines(null, 5, 10, 200);
        ObjectNode rule = (ObjectNode) template("dynamic-safety").deepCopy();
        rule.put("condition", "hasPolicy && demandCv >= 1.0");
        ObjectNode action = rule.putArray("actions").addObject().put("type", "SET_SERVICE_LEVEL");
        for (String bad : List.of("0.4", "1", "0.99999")) {
            action.put("serviceLevel", new java.math.BigDecimal(bad));
            var refused = mvc.perform(post("/api/v1/rules")
                            .with(as(Role.BUYER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(rule.toString()))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(refused.getContentAsString()).as(bad).contains("actions[0].serviceLevel");
        }
        action.put("serviceLevel", new java.math.BigDecimal("0.98"));
        long id = create(rule, List.of(lumpy.item, steady.item), false);
        JsonNode dry = dryRun(id);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        assertThat(dry.get("hits").get(0).get("actions").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("0.98");

        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        JsonNode policy = JSON.readTree(
                send(get("/api/v1/stock-policies/" + lumpy.item + "/" + lumpy.warehouse), Role.VIEWER, ""));
        assertThat(policy.get("serviceLevel").decimalValue()).isEqualByComparingTo("0.98");
        assertThat(policy.get("updatedBy").asString()).isEqualTo("rule:" + id);
        assertThat(policy.get("safety").decimalValue()).as("the lines stay").isEqualByComparingTo("5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'stock-policy' AND actor = :a")
                        .param("a", "rule:" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(JSON.readTree(send(
                                get("/api/v1/stock-policies/" + steady.item + "/" + steady.warehouse), Role.VIEWER, ""))
                        .get("serviceLevel")
                        .isNull())
                .isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(engine.run(id, clock.instant()).created())
                .as("already at the level: nothing to do")
                .isZero();
        assertThat(count("rule_firing", id)).isEqualTo(1);
    }

    @Test
    void a_service_level_a_rule_sets_is_what_the_next_planning_run_plans_that_pair_at() throws Exception {
        Subject s = new Subject(Fixtures.SUPPLIER_A, 14).move("RECEIPT", 5);
        // a demand that varies: the safety stock depends on the level
        org.openvmi.planning.PlanningTestData.cyclingDemand(
                jdbc, s.item, s.warehouse, java.time.LocalDate.now(clock), 52, "4", "16", "10");
        JsonNode before = planAt95(s);
        java.math.BigDecimal safetyAt95 = before.get("safety").decimalValue();
        assertThat(safetyAt95).isPositive();
        assertThat(before.get("serviceLevel").decimalValue()).isEqualByComparingTo("0.95");

        ObjectNode rule = (ObjectNode) template("dynamic-safety").deepCopy();
        rule.put("condition", "hasPolicy");
        rule.putArray("actions")
                .addObject()
                .put("type", "SET_SERVICE_LEVEL")
                .put("serviceLevel", new java.math.BigDecimal("0.99"));
        long id = create(rule, List.of(s.item), false);
        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);

        JsonNode after = planAt95(s);
        assertThat(after.get("serviceLevel").decimalValue())
                .as("the run keeps the rule's target")
                .isEqualByComparingTo("0.99");
        assertThat(after.get("serviceLevelSetBy").asString()).isEqualTo("rule:" + id);
        assertThat(after.get("safety").decimalValue())
                .as("the run planned the pair at the rule's 0.99, not its own 0.95")
                .isGreaterThan(safetyAt95);
    }

    /** Runs planning for the subject's item at the run level 0.95 and returns the subject's policy after it. */
    private JsonNode planAt95(Subject s) throws Exception {
        long run = JSON.readTree(send(
                        post("/api/v1/planning/runs"),
                        Role.PLANNER,
                        "{\"items\":[\"" + s.item + "\"],\"serviceLevel\":0.95}"))
                .get("id")
                .asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            Thread.sleep(50);
            status = JSON.readTree(send(get("/api/v1/planning/runs/" + run), Role.VIEWER, ""))
                    .get("status")
                    .asString();
            assertThat(System.nanoTime())
                    .as("run %d finishes within a minute", run)
                    .isLessThan(deadline);
        } while (!"DONE".equals(status) && !"FAILED".equals(status));
        assertThat(status).isEqualTo("DONE");
        return JSON.readTree(send(get("/api/v1/stock-policies/" + s.item + "/" + s.warehouse), Role.VIEWER, ""));
    }

    @Test
    void supplier_reported_stock_reaches_the_rule_through_the_supplier_module() throws Exception {
        Subject reported =
                new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100).move("ISSUE", 30);
        Subject silent = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        var response = mvc.perform(post("/api/v1/supplier-stock")
                        .with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"item\":\"" + reported.item + "\",\"available\":42}]}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        // a rule reads what its texts mention: this one names the supplier's stock
        rule.put("condition", "onHand > 0.0 && supplierAvailable >= 0.0");
        JsonNode dry = dryRun(create(rule, List.of(reported.item, silent.item), false));
        assertThat(dry.get("fired").asInt()).isEqualTo(2);
        JsonNode hit = dry.get("hits").get(0).get("item").asString().equals(reported.item)
                ? dry.get("hits").get(0)
                : dry.get("hits").get(1);
        JsonNode other = hit == dry.get("hits").get(0)
                ? dry.get("hits").get(1)
                : dry.get("hits").get(0);
        assertThat(hit.get("values").get("supplierAvailable").asString())
                .as(hit.toString())
                .isEqualTo("42");
        assertThat(other.get("values").get("supplierAvailable").asString()).isEqualTo("0");

        rule.put("condition", "supplierAvailable > 40.0");
        JsonNode only = dryRun(create(rule, List.of(reported.item, silent.item), false));
        assertThat(only.get("fired").asInt()).isEqualTo(1);
        assertThat(only.get("hits").get(0).get("item").asString()).isEqualTo(reported.item);
    }

    @Test
    void use_case_stale_stock_is_marked_once_with_a_clearance_task_and_the_task_is_closed_with_an_outcome()
            throws Exception {
        Subject untouched = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        Subject moving = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        clock.advance(Duration.ofDays(61));
        moving.move("ISSUE", 60); // 40 left, 60 in 90 days: 60 days of cover
        long rule = create(template("stale-stock"), List.of(untouched.item, moving.item), false);

        JsonNode dry = dryRun(rule);
        assertThat(dry.get("subjects").asInt()).isEqualTo(2);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = dry.get("hits").get(0);
        assertThat(hit.get("item").asString()).isEqualTo(untouched.item);
        assertThat(hit.get("values").get("daysSinceLastIssue").asString()).isEqualTo("366");
        assertThat(hit.get("values").get("daysSinceLastReceipt").asString()).isEqualTo("61");
        assertThat(hit.get("values").get("stockAgeDays").asString()).isEqualTo("61");
        assertThat(hit.get("values").get("stockValue").asString()).isEqualTo("250");
        assertThat(hit.get("actions").get(0).get("message").asString())
                .contains(untouched.item)
                .contains("366");
        assertThat(count("clearance_task", rule)).as("a dry-run writes nothing").isZero();

        RuleRunView first = engine.run(rule, clock.instant());
        assertThat(first.status()).isEqualTo("OK");
        assertThat(first.fired()).isEqualTo(1);
        assertThat(first.created()).as("the alert and the clearance task").isEqualTo(2);
        RuleRunView again = engine.run(rule, clock.instant());
        assertThat(again.fired()).isEqualTo(1);
        assertThat(again.created())
                .as("the same subject and window never fires twice")
                .isZero();
        assertThat(count("rule_firing", rule)).isEqualTo(2);

        JsonNode tasks = JSON.readTree(
                send(get("/api/v1/clearance-tasks?status=OPEN&warehouse=" + untouched.warehouse), Role.WAREHOUSE, ""));
        assertThat(tasks.get("totalElements").asInt()).isEqualTo(1);
        JsonNode task = tasks.get("content").get(0);
        assertThat(task.get("item").asString()).isEqualTo(untouched.item);
        assertThat(task.get("qty").decimalValue()).isEqualByComparingTo("100");
        assertThat(task.get("assignee").asString()).isEqualTo("t-buyer");
        assertThat(task.get("dueDate").asString())
                .isEqualTo(clock.instant()
                        .atZone(clock.getZone())
                        .toLocalDate()
                        .plusDays(14)
                        .toString());

        clock.advance(Duration.ofDays(1)); // the next day's window: still one open task
        assertThat(engine.run(rule, clock.instant()).created())
                .as("the alert again, not a second task")
                .isEqualTo(1);
        assertThat(count("clearance_task", rule)).isEqualTo(1);

        long id = task.get("id").asLong();
        mvc.perform(post("/api/v1/clearance-tasks/" + id + "/close")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"LOST\"}"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));
        JsonNode closed = JSON.readTree(send(
                post("/api/v1/clearance-tasks/" + id + "/close"),
                Role.WAREHOUSE,
                "{\"outcome\":\"SCRAPPED\",\"note\":\"rusted\"}"));
        assertThat(closed.get("status").asString()).isEqualTo("DONE");
        assertThat(closed.get("outcome").asString()).isEqualTo("SCRAPPED");
        mvc.perform(post("/api/v1/clearance-tasks/" + id + "/close")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"SOLD\"}"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(409));

        JsonNode runs = JSON.readTree(send(get("/api/v1/rules/" + rule + "/runs"), Role.VIEWER, ""));
        assertThat(runs.get("totalElements").asInt()).isEqualTo(3);
    }

    @Test
    void the_smart_reorder_template_suggests_the_gap_for_a_long_lead_time_and_stays_quiet_for_a_short_one()
            throws Exception {
        Subject longLead =
                new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 100).move("ISSUE", 90);
        Subject shortLead =
                new Subject(Fixtures.SUPPLIER_A, 10).move("RECEIPT", 100).move("ISSUE", 90);
        Subject plenty =
                new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 300).move("ISSUE", 90);
        long rule = create(template("smart-reorder"), List.of(longLead.item, shortLead.item, plenty.item), false);

        JsonNode dry = dryRun(rule);
        assertThat(dry.get("subjects").asInt()).isEqualTo(3);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = dry.get("hits").get(0);
        assertThat(hit.get("item").asString()).isEqualTo(longLead.item);
        // available 10 + on order 0 < 90 × 1.2 = 108: buy 98
        assertThat(hit.get("actions").get(0).get("quantity").decimalValue()).isEqualByComparingTo("98");

        assertThat(engine.run(rule, clock.instant()).created()).isEqualTo(1);
        List<FiringView> done = rules.firings(rule, "PURCHASE_SUGGESTION", 10);
        assertThat(done).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo(longLead.item);
            assertThat(f.quantity()).isEqualByComparingTo("98");
        });
    }

    @Test
    void a_firing_writes_rule_fired_and_its_suggestion_created_for_the_supplier_once_per_window() throws Exception {
        // events nobody consumes are not written (ADR 0066): the ERP subscribes to both types
        long hook = JSON.readTree(send(
                        post("/api/v1/webhooks"),
                        Role.ADMIN,
                        "{\"url\":\"https://erp.example.com/hook\",\"secret\":\"rules-wire-secret-123\","
                                + "\"eventTypes\":[\"rule.fired\",\"suggestion.created\"]}"))
                .get("id")
                .asLong();
        Subject longLead =
                new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 100).move("ISSUE", 90);
        long rule = create(template("smart-reorder"), List.of(longLead.item), false);
        assertThat(engine.run(rule, clock.instant()).created()).isEqualTo(1);
        assertThat(engine.run(rule, clock.instant()).created())
                .as("same window")
                .isZero();

        FiringView firing = rules.firings(rule, "PURCHASE_SUGGESTION", 10).get(0);
        List<String> fired = jdbc.sql(
                        "SELECT envelope FROM event_outbox WHERE event_type = 'rule.fired' AND envelope LIKE :r")
                .param("r", "%\"rule\":" + rule + ",%")
                .query(String.class)
                .list();
        assertThat(fired).as("one rule.fired for the one firing").hasSize(1);
        assertThat(org.openvmi.integration.EventSchemas.problems(fired.get(0))).isEmpty();
        JsonNode f = JSON.readTree(fired.get(0));
        assertThat(f.get("supplier").isNull()).as("a rule is the buyer's").isTrue();
        assertThat(f.get("key").asString()).isEqualTo(longLead.item + "@" + firing.warehouse());
        assertThat(f.get("data").get("firing").asLong()).isEqualTo(firing.id());
        assertThat(f.get("data").get("item").asString()).isEqualTo(longLead.item);
        assertThat(f.get("data").get("action").asString()).isEqualTo("PURCHASE_SUGGESTION");
        assertThat(f.get("data").get("quantity").decimalValue()).isEqualByComparingTo("98");

        long suggestion = jdbc.sql("SELECT id FROM planning_suggestion WHERE rule_id = :r")
                .param("r", rule)
                .query(Long.class)
                .single();
        String created = jdbc.sql("SELECT envelope FROM event_outbox WHERE dedup_key = :k")
                .param("k", "suggestion.created:" + suggestion)
                .query(String.class)
                .single();
        assertThat(org.openvmi.integration.EventSchemas.problems(created)).isEmpty();
        JsonNode c = JSON.readTree(created);
        assertThat(c.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(c.get("data").get("rule").asLong()).isEqualTo(rule);
        assertThat(c.get("data").get("run").isNull()).isTrue();
        assertThat(c.get("data").get("qty").decimalValue()).isEqualByComparingTo("98");
        send(delete("/api/v1/webhooks/" + hook), Role.ADMIN, "");
    }

    @Test
    void a_firing_reaches_the_alert_centre_and_the_suggestion_list_once_per_window() throws Exception {
        long hook = JSON.readTree(send(
                        post("/api/v1/webhooks"),
                        Role.ADMIN,
                        "{\"url\":\"https://erp.example.com/hook\","
                                + "\"secret\":\"rules-wire-secret-123\",\"eventTypes\":[\"alert.raised\"]}"))
                .get("id")
                .asLong();
        Subject still = new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 50);
        clock.advance(Duration.ofDays(61)); // no issue for 61 days: stale
        Subject stale =
                new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 100).move("ISSUE", 90);
        long stillRule = create(template("stale-stock"), List.of(still.item), false);
        long buyRule = create(template("smart-reorder"), List.of(stale.item), false);

        assertThat(engine.run(stillRule, clock.instant()).created()).isEqualTo(2);
        assertThat(engine.run(stillRule, clock.instant()).created())
                .as("same window")
                .isZero();
        String en = send(
                get("/api/v1/alerts?type=RULE&scope=all&item=" + still.item).header("Accept-Language", "en"),
                Role.BUYER,
                "");
        JsonNode alerts = JSON.readTree(en);
        assertThat(alerts.get("totalElements").asInt())
                .as("one alert for the rule, subject and day")
                .isEqualTo(1);
        JsonNode alert = alerts.get("content").get(0);
        assertThat(alert.get("type").asString()).isEqualTo("RULE");
        assertThat(alert.get("status").asString()).isEqualTo("OPEN");
        assertThat(alert.get("warehouse").asString()).isEqualTo(still.warehouse);
        assertThat(alert.get("ruleId").asLong()).isEqualTo(stillRule);
        assertThat(alert.get("severity").asString()).isEqualTo("WARNING");
        assertThat(alert.get("message").asString()).startsWith("Stale risk").contains(still.item);
        JsonNode zh = JSON.readTree(send(
                get("/api/v1/alerts?type=RULE&scope=all&item=" + still.item).header("Accept-Language", "zh-CN"),
                Role.BUYER,
                ""));
        assertThat(zh.get("content").get(0).get("message").asString())
                .contains(still.item)
                .doesNotContain("Stale risk");
        String forSupplier = mvc.perform(get("/api/v1/alerts?type=RULE&scope=all&item=" + still.item)
                        .with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode seen = JSON.readTree(forSupplier).get("content");
        if (!seen.isEmpty()) { // rules are buyer-side: a supplier sees no rule or message
            assertThat(seen.get(0).get("message").isNull()).as(forSupplier).isTrue();
            assertThat(seen.get(0).get("ruleId").isNull()).isTrue();
        }
        long alertId = alert.get("id").asLong();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .alias("a webhook delivery like any alert raised")
                .until(() ->
                        jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = :s AND payload LIKE :p")
                                        .param("s", hook)
                                        .param("p", "%\"alertId\":" + alertId + ",\"type\":\"RULE\"%")
                                        .query(Long.class)
                                        .single()
                                == 1);
        jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = :s")
                .param("s", hook)
                .update();

        clock.advance(Duration.ofDays(1)); // the next window: a new alert for the new day
        engine.run(stillRule, clock.instant());
        assertThat(JSON.readTree(send(get("/api/v1/alerts?type=RULE&scope=all&item=" + still.item), Role.BUYER, ""))
                        .get("totalElements")
                        .asInt())
                .isEqualTo(2);

        assertThat(engine.run(buyRule, clock.instant()).created()).isEqualTo(1);
        assertThat(engine.run(buyRule, clock.instant()).created())
                .as("same window")
                .isZero();
        JsonNode open = JSON.readTree(send(
                get("/api/v1/suggestions?status=OPEN&item=" + stale.item).header("Accept-Language", "en"),
                Role.BUYER,
                ""));
        assertThat(open.get("totalElements").asInt())
                .as("one suggestion for the rule, subject and day")
                .isEqualTo(1);
        JsonNode suggestion = open.get("content").get(0);
        assertThat(suggestion.get("type").asString()).isEqualTo("PURCHASE");
        assertThat(suggestion.get("warehouse").asString()).isEqualTo(stale.warehouse);
        assertThat(suggestion.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(suggestion.get("rule").asString()).isEqualTo("Smart reorder");
        assertThat(suggestion.get("reason").asString())
                .startsWith("rule \"Smart reorder\"")
                .contains("order 98");
        assertThat(suggestion.get("qty").decimalValue()).isPositive();

        clock.advance(Duration.ofDays(1)); // the next window supersedes the open one
        assertThat(engine.run(buyRule, clock.instant()).created()).isEqualTo(1);
        assertThat(JSON.readTree(send(get("/api/v1/suggestions?status=OPEN&item=" + stale.item), Role.BUYER, ""))
                        .get("totalElements")
                        .asInt())
                .isEqualTo(1);
        assertThat(JSON.readTree(send(get("/api/v1/suggestions?status=SUPERSEDED&item=" + stale.item), Role.BUYER, ""))
                        .get("totalElements")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void bad_cel_is_refused_with_its_line_and_column_and_nothing_is_saved() throws Exception {
        JsonNode ok = JSON.readTree(send(
                post("/api/v1/rules/validate"),
                Role.VIEWER,
                "{\"expression\":\"available < safety && onOrder == 0.0\"}"));
        assertThat(ok.get("ok").asBoolean()).isTrue();
        JsonNode bad = JSON.readTree(send(
                post("/api/v1/rules/validate"), Role.VIEWER, "{\"expression\":\"onHand > 0.0 &&\\n  onHnd < 5.0\"}"));
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(bad.get("errors").get(0).get("column").asInt()).isEqualTo(3);
        assertThat(bad.get("errors").get(0).get("code").isNull())
                .as("CEL's own message has no code")
                .isTrue();
        JsonNode notBool = JSON.readTree(
                        send(post("/api/v1/rules/validate"), Role.VIEWER, "{\"expression\":\"onHand + 1.0\"}"))
                .get("errors")
                .get(0);
        assertThat(notBool.get("code").asString()).isEqualTo("rules.celNotBool");
        assertThat(notBool.get("args").get(0).asString()).isEqualTo("double");
        JsonNode notNumber = JSON.readTree(send(
                        post("/api/v1/rules/validate"),
                        Role.VIEWER,
                        "{\"expression\":\"onHand > 1.0\",\"kind\":\"QUANTITY\"}"))
                .get("errors")
                .get(0);
        assertThat(notNumber.get("code").asString()).isEqualTo("rules.celNotNumber");
        JsonNode empty = JSON.readTree(send(post("/api/v1/rules/validate"), Role.VIEWER, "{\"expression\":\" \"}"))
                .get("errors")
                .get(0);
        assertThat(empty.get("code").asString()).isEqualTo("required");

        long before = jdbc.sql("SELECT COUNT(*) FROM rule_definition")
                .query(Long.class)
                .single();
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "onHand >");
        rule.putObject("trigger").put("cron", "* * * * * *");
        var response = mvc.perform(post("/api/v1/rules")
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule.toString()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("errors").toString())
                .contains("\"field\":\"condition\"")
                .contains("line 1, column")
                .contains("\"field\":\"trigger.cron\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_definition")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void a_rule_sees_only_its_scope_and_a_supplier_owned_rule_only_its_suppliers_items() throws Exception {
        Subject ofA = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5);
        Subject ofB = new Subject(Fixtures.SUPPLIER_B, 7).move("RECEIPT", 5);
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "onHand > 0.0");
        rule.put("ownerSupplier", Fixtures.SUPPLIER_B);
        long owned = create(rule, List.of(ofA.item, ofB.item), false);
        JsonNode dry = dryRun(owned);
        assertThat(dry.get("subjects").asInt()).isEqualTo(1);
        assertThat(dry.get("hits").get(0).get("item").asString()).isEqualTo(ofB.item);

        rule.remove("ownerSupplier");
        ObjectNode body = rule.deepCopy();
        body.putObject("scope").putArray("warehouses").add("NO-SUCH-WAREHOUSE");
        long elsewhere = JSON.readTree(send(post("/api/v1/rules"), Role.BUYER, body.toString()))
                .get("id")
                .asLong();
        assertThat(dryRun(elsewhere).get("subjects").asInt()).isZero();

        // the same rule sent back unchanged changes nothing: no new version
        ObjectNode same = body.deepCopy();
        same.put("version", 1);
        JsonNode unchanged = JSON.readTree(send(put("/api/v1/rules/" + elsewhere), Role.BUYER, same.toString()));
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(send(get("/api/v1/rules/" + elsewhere + "/versions"), Role.VIEWER, "")))
                .hasSize(1);

        ObjectNode stale = rule.deepCopy();
        stale.put("name", "renamed");
        stale.put("version", 7);
        var response = mvc.perform(put("/api/v1/rules/" + elsewhere)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(stale.toString()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as("a stale version").isEqualTo(409);
    }

    @Test
    void a_rule_that_keeps_failing_is_disabled_and_reported_and_never_stops_the_others() throws Exception {
        Subject s = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 5);
        ObjectNode failing = (ObjectNode) template("stale-stock").deepCopy();
        failing.put("condition", "1 / (supplierLeadTimeDays - 7) > 0");
        long bad = create(failing, List.of(s.item), true);
        ObjectNode fine = (ObjectNode) template("stale-stock").deepCopy();
        fine.put("condition", "onHand > 0.0");
        long good = create(fine, List.of(s.item), true);

        for (int day = 1; day <= 3; day++) {
            clock.advance(Duration.ofDays(1)); // each day's 06:00 slot comes
            List<RuleRunView> made = engine.runDue();
            assertThat(made)
                    .filteredOn(r -> r.rule() == bad)
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo("FAILED"));
            assertThat(made)
                    .filteredOn(r -> r.rule() == good)
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(engine.runDue())
                    .as("a slot is claimed once")
                    .noneMatch(r -> r.rule() == bad || r.rule() == good);
        }
        JsonNode disabled = JSON.readTree(send(get("/api/v1/rules/" + bad), Role.VIEWER, ""));
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("disabledReason").asString())
                .contains("3 failed runs")
                .contains("by zero");
        assertThat(disabled.get("disabledCode").asString()).as("ADR 0084").isEqualTo("failedRuns");
        // each failed run's own error is stored with its code, and the rule's history says it in the page's language
        // with the English (the subject and CEL's message) as its detail
        assertThat(jdbc.sql("SELECT DISTINCT error_code FROM rule_run WHERE rule_id = :r AND status = 'FAILED'")
                        .param("r", bad)
                        .query(String.class)
                        .list())
                .containsExactly("evaluation");
        var planner = org.openvmi.testsupport.UiSessions.login(mvc, "t-planner");
        String zhPage = mvc.perform(get("/rules/" + bad).session(planner).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zhPage).contains("某个对象的条件或数量无法求值").contains("<code>" + s.item + " @ ");
        assertThat(mvc.perform(get("/rules/" + bad).session(planner).locale(java.util.Locale.ENGLISH))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("a subject&#39;s condition or quantity could not be evaluated");
        JsonNode versions = JSON.readTree(send(get("/api/v1/rules/" + bad + "/versions"), Role.VIEWER, ""));
        assertThat(versions.get(0).get("change").asString()).isEqualTo("DISABLED_BY_ENGINE");
        assertThat(JSON.readTree(send(get("/api/v1/rules/" + good), Role.VIEWER, ""))
                        .get("enabled")
                        .asBoolean())
                .isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(engine.runDue()).noneMatch(r -> r.rule() == bad).anyMatch(r -> r.rule() == good);
    }

    private JsonNode backtest(long id, String body) throws Exception {
        return JSON.readTree(send(post("/api/v1/rules/" + id + "/backtest"), Role.VIEWER, body));
    }

    private String day(int offset) {
        return clock.instant()
                .atZone(clock.getZone())
                .toLocalDate()
                .plusDays(offset)
                .toString();
    }

    @Test
    void a_backtest_counts_the_days_each_subject_would_have_fired_on_a_constructed_history() throws Exception {
        Subject early = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100); // day 0: 100
        Subject never = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 10);
        clock.advance(Duration.ofDays(3));
        Subject late = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100); // day 3: 100
        clock.advance(Duration.ofDays(2));
        early.move("ISSUE", 60); // day 5: 40 left
        clock.advance(Duration.ofDays(5)); // today is day 10
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "onHand > 50.0");
        long id = create(rule, List.of(early.item, never.item, late.item), false);

        JsonNode bt = backtest(id, "{\"days\":10}"); // days 1 … 10
        assertThat(bt.get("error").isNull()).as(bt.toString()).isTrue();
        assertThat(bt.get("days").asInt()).isEqualTo(10);
        assertThat(bt.get("from").asString()).isEqualTo(day(-9));
        assertThat(bt.get("to").asString()).isEqualTo(day(0));
        assertThat(bt.get("subjects").asInt()).isEqualTo(3);
        assertThat(bt.get("firings").asInt())
                .as("early on days 1-4, late on days 3-10")
                .isEqualTo(4 + 8);
        assertThat(bt.get("daysFiring").asInt()).isEqualTo(10);
        assertThat(bt.get("perDay")).hasSize(10);
        assertThat(bt.get("perDay").get(0).get("fired").asInt()).isEqualTo(1); // day 1
        assertThat(bt.get("perDay").get(2).get("fired").asInt()).isEqualTo(2); // day 3: both
        assertThat(bt.get("perDay").get(4).get("fired").asInt()).isEqualTo(1); // day 5: early issued
        JsonNode perSubject = bt.get("perSubject");
        assertThat(perSubject).hasSize(2);
        assertThat(perSubject.get(0).get("item").asString()).isEqualTo(late.item);
        assertThat(perSubject.get(0).get("days").asInt()).isEqualTo(8);
        assertThat(perSubject.get(0).get("first").asString()).isEqualTo(day(-7));
        assertThat(perSubject.get(0).get("last").asString()).isEqualTo(day(0));
        assertThat(perSubject.get(1).get("item").asString()).isEqualTo(early.item);
        assertThat(perSubject.get(1).get("days").asInt()).isEqualTo(4);
        assertThat(perSubject.get(1).get("first").asString()).isEqualTo(day(-9));
        assertThat(perSubject.get(1).get("last").asString()).isEqualTo(day(-6));
        assertThat(bt.get("actions").get(0).get("type").asString()).isEqualTo("ALERT");
        assertThat(bt.get("actions").get(0).get("count").asInt())
                .as("one alert per subject and day")
                .isEqualTo(12);
        assertThat(bt.get("actions").get(1).get("type").asString()).isEqualTo("CLEARANCE_TASK");
        assertThat(bt.get("actions").get(1).get("count").asInt())
                .as("one open task per subject")
                .isEqualTo(2);

        assertThat(backtest(id, "{\"days\":3}").get("firings").asInt())
                .as("days 8-10: late only")
                .isEqualTo(3);
        assertThat(backtest(id, "").get("days").asInt()).as("90 by default").isEqualTo(90);
        assertThat(backtest(id, "{}").get("firings").asInt())
                .as("day 0 adds early's receipt day, nothing before it")
                .isEqualTo(12 + 1);
        assertThat(dryRun(id).get("fired").asInt())
                .as("the last day is today")
                .isEqualTo(backtest(id, "{\"days\":1}").get("firings").asInt());
        assertThat(count("rule_firing", id) + count("clearance_task", id))
                .as("a back-test writes nothing")
                .isZero();
        assertThat(JSON.readTree(send(get("/api/v1/rules/" + id + "/runs"), Role.VIEWER, ""))
                        .get("totalElements")
                        .asInt())
                .isZero();

        for (String bad : List.of("{\"days\":0}", "{\"days\":366}")) {
            var response = mvc.perform(post("/api/v1/rules/" + id + "/backtest")
                            .with(as(Role.VIEWER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bad))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(bad).isEqualTo(400);
            assertThat(response.getContentAsString()).contains("\"field\":\"days\"");
        }
        var missing = mvc.perform(post("/api/v1/rules/999999/backtest")
                        .with(as(Role.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
    }

    @Test
    void the_templates_backtested_fire_on_the_days_their_condition_held_and_stay_quiet_on_the_others()
            throws Exception {
        Subject untouched = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        Subject moving = new Subject(Fixtures.SUPPLIER_A, 20).move("RECEIPT", 100);
        clock.advance(Duration.ofDays(50));
        moving.move("ISSUE", 90); // day 50: 10 left, 1 a day: 10 days of cover
        clock.advance(Duration.ofDays(20)); // today is day 70
        long stale = create(template("stale-stock"), List.of(untouched.item, moving.item), false);
        long reorder = create(template("smart-reorder"), List.of(untouched.item, moving.item), false);

        JsonNode bt = backtest(stale, "{\"days\":30}"); // days 41 … 70
        assertThat(bt.get("subjects").asInt()).isEqualTo(2);
        // untouched never issued: every day; moving: no issue before day 50 (days 41-49), then quiet
        assertThat(bt.get("firings").asInt()).isEqualTo(30 + 9);
        assertThat(bt.get("perSubject").get(0).get("item").asString()).isEqualTo(untouched.item);
        assertThat(bt.get("perSubject").get(0).get("days").asInt()).isEqualTo(30);
        assertThat(bt.get("perSubject").get(1).get("last").asString()).isEqualTo(day(-21));

        JsonNode buy = backtest(reorder, "{\"days\":30}");
        // before day 50 no demand; from day 50 on: 10 available < 90 × 1.2 with a 20-day lead time → buy 98 a day
        assertThat(buy.get("firings").asInt()).isEqualTo(21);
        assertThat(buy.get("perSubject")).singleElement().satisfies(c -> {
            assertThat(c.get("item").asString()).isEqualTo(moving.item);
            assertThat(c.get("first").asString()).isEqualTo(day(-20));
        });
        JsonNode suggestions = buy.get("actions").get(0);
        assertThat(suggestions.get("type").asString()).isEqualTo("PURCHASE_SUGGESTION");
        assertThat(suggestions.get("count").asInt()).isEqualTo(21);
        assertThat(suggestions.get("quantity").decimalValue()).isEqualByComparingTo("2058"); // 21 × 98
    }

    private List<String> alertStatuses(String item) throws Exception {
        JsonNode page = JSON.readTree(send(get("/api/v1/alerts?type=RULE&scope=all&item=" + item), Role.BUYER, ""));
        List<String> statuses = new java.util.ArrayList<>();
        page.get("content").forEach(a -> statuses.add(a.get("status").asString()));
        return statuses;
    }

    @Test
    void a_rule_alert_resolves_when_its_condition_stops_holding_and_stays_open_while_it_holds() throws Exception {
        Subject recovers = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        Subject holds = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "onHand > 50.0");
        long id = create(rule, List.of(recovers.item, holds.item), false);
        assertThat(engine.run(id, clock.instant()).fired()).isEqualTo(2);
        assertThat(alertStatuses(recovers.item)).containsExactly("OPEN");

        recovers.move("ISSUE", 60); // 40 left: the condition no longer holds
        assertThat(alertStatuses(recovers.item))
                .as("a posting alone does not touch a rule alert")
                .containsExactly("OPEN");
        clock.advance(Duration.ofDays(1));
        RuleRunView next = engine.run(id, clock.instant());
        assertThat(next.fired()).isEqualTo(1);
        assertThat(alertStatuses(recovers.item)).as("resolved by the next run").containsExactly("RESOLVED");
        assertThat(alertStatuses(holds.item))
                .as("still true: yesterday's and today's stay open")
                .containsExactly("OPEN", "OPEN");
    }

    @Test
    void testing_a_rule_on_one_item_shows_each_warehouse_firing_or_not_and_reads_nothing_outside_the_scope()
            throws Exception {
        Subject plenty = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        Subject little = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 10);
        Subject outside = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100);
        ObjectNode body = (ObjectNode) template("stale-stock").deepCopy();
        body.put("condition", "onHand > 50.0");
        body.putObject("scope").putArray("items").add(plenty.item).add(little.item);
        RuleRequest rule = JSON.treeToValue(body, RuleRequest.class);

        assertThat(rules.testOn(rule, plenty.item)).singleElement().satisfies(t -> {
            assertThat(t.warehouse()).isEqualTo(plenty.warehouse);
            assertThat(t.inScope()).isTrue();
            assertThat(t.fires()).isTrue();
            assertThat(t.values()).containsEntry("onHand", "100");
        });
        assertThat(rules.testOn(rule, " " + little.item + " ")).singleElement().satisfies(t -> {
            assertThat(t.fires()).as("10 on hand").isFalse();
            assertThat(t.error()).isNull();
            assertThat(t.values()).containsEntry("onHand", "10");
        });
        assertThat(rules.testOn(rule, outside.item)).singleElement().satisfies(t -> {
            assertThat(t.inScope()).isFalse();
            assertThat(t.fires()).isFalse();
            assertThat(t.values()).as("a rule reads only its scope").isEmpty();
        });
        assertThat(rules.testOn(rule, "NO-SUCH-ITEM")).isEmpty();
        body.put("condition", "1 / (supplierLeadTimeDays - 7) > 0");
        assertThat(rules.testOn(JSON.treeToValue(body, RuleRequest.class), plenty.item))
                .singleElement()
                .satisfies(t -> assertThat(t.error()).contains("by zero"));
    }

    /** The firings of a rule, waited for up to {@code seconds} until there are {@code n} (the event path is async). */
    private long awaitFirings(long rule, int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long found = count("rule_firing", rule);
        while (found < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
            found = count("rule_firing", rule);
        }
        return found;
    }

    @Test
    void a_shipment_notice_triggers_an_event_rule_for_its_items_at_the_orders_warehouse() throws Exception {
        Subject shipped = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 2);
        Subject other = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 2); // in scope, fires, not on the ASN
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "onHand < 5.0");
        ObjectNode trigger = rule.putObject("trigger");
        trigger.putNull("cron");
        trigger.putArray("events").add("SHIPMENT_NOTICE_CREATED");
        rule.putArray("actions")
                .addObject()
                .put("type", "ALERT")
                .put("severity", "INFO")
                .put("messageEn", "{item}: shipment announced, {onHand} on hand")
                .put("messageZh", "{item}：已发货通知，现有 {onHand}");
        long id = create(rule, List.of(shipped.item, other.item), true);
        long po = JSON.readTree(send(
                        post("/api/v1/purchase-orders"),
                        Role.BUYER,
                        "{\"supplier\":\"" + Fixtures.SUPPLIER_A + "\",\"warehouse\":\"" + shipped.warehouse
                                + "\",\"lines\":[{\"item\":\"" + shipped.item + "\",\"qty\":20}]}"))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        Thread.sleep(300);
        assertThat(count("rule_firing", id))
                .as("the order alone is not a shipment notice")
                .isZero();

        mvc.perform(post("/api/v1/purchase-orders/" + po + "/shipment-notices")
                        .with(Fixtures.asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedOn\":\""
                                + java.time.LocalDate.now(clock).plusDays(2)
                                + "\",\"lines\":[{\"line\":1,\"qty\":20}]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        assertThat(awaitFirings(id, 1, 10)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT item FROM rule_firing WHERE rule_id = :r")
                        .param("r", id)
                        .query(String.class)
                        .list())
                .containsExactly(shipped.item);
        JsonNode runs = JSON.readTree(send(get("/api/v1/rules/" + id + "/runs"), Role.VIEWER, ""));
        assertThat(runs.get("content").get(0).get("trigger").asString()).isEqualTo("SHIPMENT_NOTICE_CREATED");
        assertThat(runs.get("content").get(0).get("subjects").asInt()).isEqualTo(1);
    }

    @Test
    void a_movement_triggers_an_event_rule_for_just_the_subject_it_moved() throws Exception {
        Subject moved = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 10);
        Subject untouched = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 3); // fires too, but nothing moves it
        ObjectNode rule = alertBelowFiveOnMovements();
        long id = create(rule, List.of(moved.item, untouched.item), true);
        assertThat(JSON.readTree(send(get("/api/v1/rules/" + id), Role.VIEWER, ""))
                        .get("trigger")
                        .get("events")
                        .get(0)
                        .asString())
                .isEqualTo("MOVEMENT_POSTED");
        assertThat(engine.runDue())
                .as("no schedule: the cron path never runs it")
                .isEmpty();

        moved.move("RECEIPT", 1); // 11: the rule runs on the subject and stays quiet
        Thread.sleep(300);
        assertThat(count("rule_firing", id)).isZero();

        long posted = System.nanoTime();
        moved.move("ISSUE", 8); // 3 left
        assertThat(awaitFirings(id, 1, 10)).isEqualTo(1);
        long millis = (System.nanoTime() - posted) / 1_000_000;
        System.out.println("rules: posting to firing in " + millis + " ms (MockMvc posting included)");
        assertThat(jdbc.sql("SELECT item FROM rule_firing WHERE rule_id = :r")
                        .param("r", id)
                        .query(String.class)
                        .list())
                .as("only the subject the movement touched")
                .containsExactly(moved.item);
        JsonNode alerts = JSON.readTree(
                send(get("/api/v1/alerts?type=RULE&status=OPEN&warehouse=" + moved.warehouse), Role.VIEWER, ""));
        assertThat(alerts.toString()).contains("only 3 left");

        JsonNode runs = JSON.readTree(send(get("/api/v1/rules/" + id + "/runs"), Role.VIEWER, ""));
        assertThat(runs.get("content").get(0).get("trigger").asString()).isEqualTo("MOVEMENT_POSTED");
        assertThat(runs.get("content").get(0).get("subjects").asInt())
                .as("one subject evaluated, not the rule's whole scope")
                .isEqualTo(1);

        moved.move("ISSUE", 1); // the same day: the same action is not carried out twice
        Thread.sleep(300);
        assertThat(count("rule_firing", id)).isEqualTo(1);
        untouched.move("ISSUE", 1); // now the other subject moves: its own firing
        assertThat(awaitFirings(id, 2, 10)).isEqualTo(2);
    }

    /**
     * ADR 0072: which events the enabled rules listen to is kept in memory. A rule switched off stops listening at
     * once, one switched on again listens at once, and a refused (rolled-back) posting leaves no run behind.
     */
    @Test
    void a_rule_switched_off_or_on_is_heard_at_once_and_a_refused_posting_triggers_no_run() throws Exception {
        Subject s = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 10);
        ObjectNode rule = alertBelowFiveOnMovements();
        long id = create(rule, List.of(s.item), true);

        s.move("RECEIPT", 1); // 11: evaluated (one run), quiet
        assertThat(awaitCount("rule_run", id, 1, 10)).isGreaterThanOrEqualTo(1);
        // the receipt of 10 before the rule existed may be heard late (noted when another test's rule listened, run
        // after this rule was created): a second run then, so the runs so far are counted once they settle
        Thread.sleep(300);
        long runsBefore = count("rule_run", id);
        assertThat(runsBefore).isBetween(1L, 2L);

        // a posting refused as a whole (its second line issues more than there is), and one rolled back by its
        // caller after the ledger applied it (and published its stock change): neither is an event, so no run
        String issue8 = "{\"type\":\"ISSUE\",\"item\":\"" + s.item + "\",\"location\":\"" + s.bin
                + "\",\"owner\":\"OWN\",\"qty\":8,\"reference\":\"T-RULE\"}";
        var refused = mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[" + issue8 + "," + issue8.replace("\"qty\":8", "\"qty\":1000") + "]}"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        org.openvmi.inventory.PostingRequest rolledBack =
                JSON.readValue("{\"lines\":[" + issue8 + "]}", org.openvmi.inventory.PostingRequest.class);
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    assertThat(ledger.postWithin(rolledBack).movements()).hasSize(1);
                    status.setRollbackOnly();
                });
        Thread.sleep(300);
        assertThat(count("rule_run", id))
                .as("a rolled-back posting is no event")
                .isEqualTo(runsBefore);
        assertThat(count("rule_firing", id)).isZero();

        JsonNode stored = JSON.readTree(send(get("/api/v1/rules/" + id), Role.VIEWER, ""));
        ObjectNode off = rule.deepCopy();
        off.putObject("scope").putArray("items").add(s.item);
        off.put("enabled", false);
        off.put("version", stored.get("version").asInt());
        JsonNode switchedOff = JSON.readTree(send(put("/api/v1/rules/" + id), Role.BUYER, off.toString()));
        s.move("ISSUE", 8); // 3 left: would fire, but the rule is off
        Thread.sleep(300);
        assertThat(count("rule_run", id)).as("switched off: not run").isEqualTo(runsBefore);

        ObjectNode on = off.deepCopy();
        on.put("enabled", true);
        on.put("version", switchedOff.get("version").asInt());
        send(put("/api/v1/rules/" + id), Role.BUYER, on.toString());
        s.move("ISSUE", 1); // 2 left: heard again at once
        assertThat(awaitFirings(id, 1, 10)).isEqualTo(1);
    }

    /** The stale-stock template on postings only (no schedule): a critical alert below 5 available. */
    private ObjectNode alertBelowFiveOnMovements() throws Exception {
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "available < 5.0");
        ObjectNode trigger = rule.putObject("trigger");
        trigger.putNull("cron");
        trigger.putArray("events").add("MOVEMENT_POSTED");
        rule.putArray("actions")
                .addObject()
                .put("type", "ALERT")
                .put("severity", "CRITICAL")
                .put("messageEn", "{item} at {warehouse}: only {available} left")
                .put("messageZh", "{item}（{warehouse}）仅剩 {available}");
        return rule;
    }

    private long awaitCount(String table, long rule, int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long found = count(table, rule);
        while (found < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
            found = count(table, rule);
        }
        return found;
    }

    @Test
    void a_rule_needs_a_schedule_or_a_known_event() throws Exception {
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        ObjectNode trigger = rule.putObject("trigger");
        trigger.putNull("cron");
        trigger.putArray("events").add("MOVEMENT_POSTED").add("COFFEE_BREAK");
        var response = mvc.perform(post("/api/v1/rules")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule.toString()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("trigger.events[1]").doesNotContain("trigger.cron");
        trigger.putArray("events");
        response = mvc.perform(post("/api/v1/rules")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule.toString()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("trigger.cron");
    }

    @Test
    void a_rule_sets_the_safety_line_through_stock_policy_and_raises_the_lines_above_it() throws Exception {
        Subject low = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100).lines(null, 5, 10, 50);
        Subject fine = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 100).lines(null, 40, 45, 50);
        ObjectNode rule = (ObjectNode) template("stale-stock").deepCopy();
        rule.put("condition", "hasPolicy && safety < 30.0");
        rule.putArray("actions").addObject().put("type", "SET_SAFETY_STOCK").put("quantity", "29.2");
        long id = create(rule, List.of(low.item, fine.item), false);
        JsonNode dry = dryRun(id);
        assertThat(dry.get("fired").asInt()).isEqualTo(1);
        assertThat(dry.get("hits").get(0).get("actions").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(JSON.readTree(send(get("/api/v1/stock-policies/" + low.item + "/" + low.warehouse), Role.VIEWER, ""))
                        .get("safety")
                        .decimalValue())
                .as("a dry-run changes nothing")
                .isEqualByComparingTo("5");

        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        JsonNode line =
                JSON.readTree(send(get("/api/v1/stock-policies/" + low.item + "/" + low.warehouse), Role.VIEWER, ""));
        assertThat(line.get("safety").decimalValue()).isEqualByComparingTo("30");
        assertThat(line.get("warning").decimalValue())
                .as("raised to the new safety line")
                .isEqualByComparingTo("30");
        assertThat(line.get("max").decimalValue()).isEqualByComparingTo("50");
        assertThat(JSON.readTree(send(
                                get("/api/v1/stock-policies/" + fine.item + "/" + fine.warehouse), Role.VIEWER, ""))
                        .get("safety")
                        .decimalValue())
                .isEqualByComparingTo("40");
        clock.advance(Duration.ofDays(1));
        assertThat(engine.run(id, clock.instant()).fired())
                .as("the line holds now")
                .isZero();
    }

    @Test
    void a_rule_pauses_an_item_on_a_channel_the_line_leaves_it_and_only_a_rule_or_a_person_resumes_it()
            throws Exception {
        Subject low = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 6);
        Subject plenty = new Subject(Fixtures.SUPPLIER_A, 7).move("RECEIPT", 50);
        String channel = Fixtures.unique("CH");
        send(
                post("/api/v1/channels"),
                Role.BUYER,
                "{\"code\":\"" + channel + "\",\"name\":\"门店\",\"priority\":2,\"warehouses\":[\"" + low.warehouse
                        + "\",\"" + plenty.warehouse + "\"],\"pauseBelow\":1}");
        ObjectNode rule = (ObjectNode) template("channel-pause").deepCopy();
        assertThat(rule.get("actions").get(0).get("type").asString()).isEqualTo("CHANNEL_PAUSE");
        rule.put("condition", rule.get("condition").asString().replace("STORES", channel));
        ((ObjectNode) rule.get("actions").get(0)).put("channel", "NO-SUCH-CHANNEL");
        var refused = mvc.perform(post("/api/v1/rules")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rule.toString()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("actions[0].channel");
        ((ObjectNode) rule.get("actions").get(0)).put("channel", channel);
        long id = create(rule, List.of(low.item, plenty.item), false);

        JsonNode dry = dryRun(id);
        assertThat(dry.get("fired").asInt()).as("6 free below 10; 50 not").isEqualTo(1);
        assertThat(dry.get("hits").get(0).get("item").asString()).isEqualTo(low.item);
        assertThat(dry.get("hits").get(0).get("values").get("channelAvailable").asString())
                .contains(channel + "=6");
        assertThat(channelPaused(channel, low.item))
                .as("a dry-run changes nothing")
                .isFalse();

        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        assertThat(channelPaused(channel, low.item)).isTrue();
        assertThat(channelPaused(channel, plenty.item)).isFalse();
        JsonNode log = JSON.readTree(send(get("/api/v1/channels/" + channel + "/pauses"), Role.VIEWER, ""));
        assertThat(log.get(0).get("reason").asString()).isEqualTo("RULE");
        assertThat(log.get(0).get("by").asString()).isEqualTo("rule:" + id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CHANNEL_PAUSE' AND actor = :a")
                        .param("a", "rule:" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        low.move("RECEIPT", 1); // 7 free, above the channel's own line of 1: the line leaves the rule's pause alone
        send(
                put("/api/v1/channels/" + channel),
                Role.BUYER,
                "{\"name\":\"门店\",\"priority\":2,\"warehouses\":[\"" + low.warehouse + "\",\"" + plenty.warehouse
                        + "\"],\"pauseBelow\":2}"); // a changed line re-judges the line's own pauses only
        assertThat(channelPaused(channel, low.item)).isTrue();

        ObjectNode resume = (ObjectNode) rule.deepCopy();
        resume.put("name", "Resume " + channel);
        resume.put("condition", "available >= 7.0");
        resume.putArray("actions").addObject().put("type", "CHANNEL_RESUME").put("channel", channel);
        long back = create(resume, List.of(low.item, plenty.item), false);
        assertThat(engine.run(back, clock.instant()).created())
                .as("the rule's pause lifted; the item that was never held is left alone")
                .isEqualTo(1);
        assertThat(channelPaused(channel, low.item)).isFalse();

        // the resume template: quiet while the pool is below 20 or the item is not paused, fires once it is back
        low.move("ISSUE", 1); // 6 free again
        clock.advance(Duration.ofDays(1));
        assertThat(engine.run(id, clock.instant()).created()).isEqualTo(1);
        assertThat(channelPaused(channel, low.item)).isTrue();
        ObjectNode template = (ObjectNode) template("channel-resume").deepCopy();
        assertThat(template.get("actions").get(0).get("type").asString()).isEqualTo("CHANNEL_RESUME");
        assertThat(template.get("trigger").get("events").get(0).asString()).isEqualTo("MOVEMENT_POSTED");
        template.put("condition", template.get("condition").asString().replace("STORES", channel));
        ((ObjectNode) template.get("actions").get(0)).put("channel", channel);
        long resumeTemplate = create(template, List.of(low.item, plenty.item), false);
        assertThat(dryRun(resumeTemplate).get("fired").asInt())
                .as("6 free: below 20; plenty has 50 but is not paused")
                .isZero();
        low.move("RECEIPT", 14); // 20 free
        JsonNode back20 = dryRun(resumeTemplate);
        assertThat(back20.get("fired").asInt()).isEqualTo(1);
        assertThat(back20.get("hits").get(0).get("item").asString()).isEqualTo(low.item);
        assertThat(engine.run(resumeTemplate, clock.instant()).created()).isEqualTo(1);
        assertThat(channelPaused(channel, low.item)).isFalse();
        assertThat(dryRun(resumeTemplate).get("fired").asInt())
                .as("resumed: quiet again")
                .isZero();

        send(post("/api/v1/channels/" + channel + "/items/" + low.item + "/pause"), Role.BUYER, "");
        clock.advance(Duration.ofDays(1));
        assertThat(engine.run(back, clock.instant()).created())
                .as("a rule never lifts a person's pause")
                .isZero();
        assertThat(channelPaused(channel, low.item)).isTrue();
    }

    private boolean channelPaused(String channel, String item) throws Exception {
        return JSON.readTree(send(get("/api/v1/channels/" + channel + "/atp?items=" + item), Role.VIEWER, ""))
                .get("lines")
                .get(0)
                .get("paused")
                .asBoolean();
    }

    private long count(String table, long rule) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE rule_id = :r")
                .param("r", rule)
                .query(Long.class)
                .single();
    }
}
