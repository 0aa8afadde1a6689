package org.openvmi.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads long-format demand {@code series,period,qty} (a header row, then one row per series and period, in any
 * order) into one series per name, oldest period first, in the order the series first appear.
 * <p>
 * A period is either a whole number or an ISO date (yyyy-MM-dd), the same kind in the whole file. Dates are turned
 * into period numbers by the gaps between the dates of each series: weekly when every gap is whole weeks, monthly
 * (counted in calendar months) when no gap is shorter than 28 days, daily otherwise. Periods missing
 * between a series' first and last are zero demand; two rows for the same period add up. Quantities must be numbers
 * of zero or more; an empty file, a file with no rows or a row that breaks a rule stops the command with a message
 * naming the line.
 */
final class DemandFile {

    record Series(String name, double[] demand) {}

    private DemandFile() {}

    static List<Series> read(Path file) {
        Map<String, TreeMap<Long, Double>> bySeries = new LinkedHashMap<>();
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        Boolean dated = null;
        try (Reader reader = CsvFiles.open(file);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .setTrim(true)
                        .get()
                        .parse(reader)) {
            List<String> header = csv.getHeaderNames();
            for (String column : List.of("series", "period", "qty")) {
                if (!header.contains(column)) {
                    throw new CliException(file + ": the header must name the columns series,period,qty (found "
                            + String.join(",", header) + ")");
                }
            }
            for (CSVRecord row : csv) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    throw new CliException(
                            file + " line " + line + ": expected " + header.size() + " fields, found " + row.size());
                }
                String series = row.get("series");
                String period = row.get("period");
                if (series.isEmpty()) {
                    throw new CliException(file + " line " + line + ": the series name is empty");
                }
                double qty = quantity(file, line, row.get("qty"));
                boolean isDate = period.indexOf('-') > 0;
                if (dated == null) {
                    dated = isDate;
                } else if (dated != isDate) {
                    throw new CliException(file + " line " + line + ": period '" + period
                            + "' mixes dates and period numbers in one file");
                }
                long key;
                if (isDate) {
                    LocalDate date = date(file, line, period);
                    dates.computeIfAbsent(series, s -> new ArrayList<>()).add(date);
                    key = date.toEpochDay();
                } else {
                    key = periodNumber(file, line, period);
                }
                bySeries.computeIfAbsent(series, s -> new TreeMap<>()).merge(key, qty, Double::sum);
            }
        } catch (IOException e) {
            throw new CliException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new CliException(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
        if (bySeries.isEmpty()) {
            throw new CliException(
                    file + ": no demand rows (expected a header series,period,qty and at least one row)");
        }
        if (Boolean.TRUE.equals(dated)) {
            bySeries = DateSteps.renumber(file, bySeries);
        }
        List<Series> result = new ArrayList<>();
        bySeries.forEach((name, periods) -> {
            long first = periods.firstKey();
            long last = periods.lastKey();
            if (last - first + 1 > 1_000_000) {
                throw new CliException(file + ": series " + name + " spans more than a million periods");
            }
            double[] demand = new double[(int) (last - first + 1)];
            periods.forEach((p, q) -> demand[(int) (p - first)] += q);
            result.add(new Series(name, demand));
        });
        return result;
    }

    private static double quantity(Path file, long line, String raw) {
        double qty;
        try {
            qty = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new CliException(file + " line " + line + ": quantity '" + raw + "' is not a number");
        }
        if (!Double.isFinite(qty)) {
            throw new CliException(file + " line " + line + ": quantity '" + raw + "' is not a finite number");
        }
        if (qty < 0) {
            throw new CliException(
                    file + " line " + line + ": quantity " + raw + " is negative (returns are not demand)");
        }
        return qty;
    }

    private static long periodNumber(Path file, long line, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new CliException(file + " line " + line + ": period '" + raw
                    + "' is neither a whole number nor an ISO date (yyyy-MM-dd)");
        }
    }

    private static LocalDate date(Path file, long line, String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new CliException(file + " line " + line + ": period '" + raw + "' is not an ISO date (yyyy-MM-dd)");
        }
    }

    /** Turns epoch days into day, week or month numbers by the gaps found in the file. */
    private static final class DateSteps {

        static Map<String, TreeMap<Long, Double>> renumber(Path file, Map<String, TreeMap<Long, Double>> byDay) {
            long smallest = Long.MAX_VALUE;
            boolean wholeWeeks = true;
            for (TreeMap<Long, Double> days : byDay.values()) {
                Long previous = null;
                for (long day : days.keySet()) {
                    if (previous != null) {
                        smallest = Math.min(smallest, day - previous);
                        wholeWeeks &= (day - previous) % 7 == 0;
                    }
                    previous = day;
                }
            }
            ChronoUnit unit = smallest == Long.MAX_VALUE
                    ? ChronoUnit.DAYS
                    : wholeWeeks ? ChronoUnit.WEEKS : smallest >= 28 ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
            Map<String, TreeMap<Long, Double>> result = new LinkedHashMap<>();
            LocalDate origin = LocalDate.ofEpochDay(0);
            byDay.forEach((name, days) -> {
                TreeMap<Long, Double> periods = new TreeMap<>();
                long firstDay = days.firstKey();
                days.forEach((day, qty) -> {
                    long index;
                    if (unit == ChronoUnit.WEEKS) {
                        index = (day - firstDay) / 7;
                    } else if (unit == ChronoUnit.MONTHS) {
                        LocalDate d = LocalDate.ofEpochDay(day);
                        index = d.getYear() * 12L + d.getMonthValue() - 1;
                    } else {
                        index = ChronoUnit.DAYS.between(origin, LocalDate.ofEpochDay(day));
                    }
                    periods.merge(index, qty, Double::sum);
                });
                result.put(name, periods);
            });
            return result;
        }
    }
}
