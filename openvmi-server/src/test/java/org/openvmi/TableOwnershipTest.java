package org.openvmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables (ADR 0001, ADR 0052): the SQL in a feature's main sources names only its own tables;
 * it reads another feature's data through that feature's Java API (e.g. {@code CatalogRefs}, {@code InventoryLedger},
 * {@code OpenSupply}) or a SQL fragment that feature hands out ({@code CatalogRefs.itemPredicate}).
 * <p>
 * The owner of a table is the feature named by the migration that creates it ({@code V…__<feature>_<what>.sql}).
 * The test reads every string literal and text block of every main source file and fails on a {@code FROM}, {@code
 * JOIN}, {@code INTO}, {@code UPDATE} or {@code EXISTS} naming a table another feature owns. No file is exempt: the
 * list of files not yet moved (ADR 0052) was emptied and deleted with the ledger's and planning's last ones (ADR 0068).
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/org/openvmi");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Tables whose migration's name does not start with their feature. */
    static final Map<String, String> OWNER_BY_PREFIX = Map.of("planning_", "planning", "proc_", "procurement");

    /** Tables kept by the framework (the event publication registry), read by no feature's SQL. */
    static final Set<String> FRAMEWORK = Set.of("event_publication");

    private static final Pattern CREATE =
            Pattern.compile("(?i)create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z_0-9]*)");
    private static final Pattern STRINGS =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_USE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|exists)\\s+([a-z_][a-z_0-9]*)");

    @Test
    void every_table_has_a_feature_that_owns_it() throws IOException {
        Set<String> features = features();
        owners().forEach((table, owner) ->
                assertThat(features).as("""
                owner of table %s: name its migration V…__<feature>_<what>.sql after the feature that owns it                 (or add its prefix to OWNER_BY_PREFIX)""".formatted(table)).contains(owner));
    }

    @Test
    void features_name_only_their_own_tables_in_sql() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                String feature = relative.substring(0, relative.indexOf('/') < 0 ? 0 : relative.indexOf('/'));
                if (feature.isEmpty()) {
                    continue;
                }
                Set<String> foreign = foreignTables(Files.readString(file), feature, owners);
                if (!foreign.isEmpty()) {
                    found.put(relative, foreign);
                }
            }
        }
        assertThat(found)
                .as("SQL naming another feature's tables (ADR 0052, 0068): read them through the owner's API instead")
                .isEmpty();
    }

    @Test
    void the_scan_sees_a_join_in_a_text_block_and_in_a_string() {
        Map<String, String> owners = Map.of("item", "catalog", "proc_invoice", "procurement");
        String source = "String a = \"\"\"\n SELECT x FROM proc_invoice v\n JOIN item i ON i.id = v.item_id\"\"\";"
                + " String b = \"SELECT 1 FROM item WHERE id = ?\"; // joins from item in a comment";
        assertThat(foreignTables(source, "procurement", owners)).containsExactly("item");
        assertThat(foreignTables(source, "catalog", owners)).containsExactly("proc_invoice");
        assertThat(foreignTables("// SELECT * FROM item", "procurement", owners))
                .isEmpty();
    }

    static Set<String> foreignTables(String source, String feature, Map<String, String> owners) {
        Set<String> foreign = new TreeSet<>();
        Matcher s = STRINGS.matcher(source);
        while (s.find()) {
            Matcher use = TABLE_USE.matcher(s.group(1) != null ? s.group(1) : s.group(2));
            while (use.find()) {
                String owner = owners.get(use.group(1).toLowerCase());
                if (owner != null && !owner.equals(feature)) {
                    foreign.add(use.group(1).toLowerCase());
                }
            }
        }
        return foreign;
    }

    /** Table → feature, from the migration that creates it. */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String name = file.getFileName().toString();
                String feature = name.substring(name.indexOf("__") + 2).split("[_.]")[0];
                Matcher create = CREATE.matcher(Files.readString(file));
                while (create.find()) {
                    String table = create.group(1).toLowerCase();
                    if (FRAMEWORK.contains(table)) {
                        continue;
                    }
                    String owner = OWNER_BY_PREFIX.entrySet().stream()
                            .filter(e -> table.startsWith(e.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(feature);
                    owners.putIfAbsent(table, owner);
                }
            }
        }
        return owners;
    }

    static Set<String> features() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
