package org.openvmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void forecast_writes_one_row_per_series_and_step_with_the_chosen_model() throws IOException {
        // constant demand 4 over 8 periods, rows out of order: every model forecasts 4
        Path input = file(
                "demand.csv",
                "series,period,qty",
                "A,8,4",
                "A,1,4",
                "A,2,4",
                "A,3,4",
                "A,5,4",
                "A,4,4",
                "A,6,4",
                "A,7,4",
                "B,1,0",
                "B,2,0",
                "B,3,0");
        int status = run("forecast", "--input", input.toString(), "--horizon", "2", "--output", path("f.csv"));
        assertThat(status).as(errors()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("f.csv"));
        assertThat(rows.get(0)).isEqualTo("series,step,forecast,model");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("A,1,4,");
        assertThat(rows.get(2)).startsWith("A,2,4,");
        assertThat(rows.get(3)).startsWith("B,1,0,"); // too short to classify: SES of zeros
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 series, horizon 2");
    }

    @Test
    void a_sporadic_series_gets_the_minimum_error_point_forecast_unless_the_demand_rate_is_asked_for()
            throws IOException {
        // 36 periods, demand 6 in every third: intermittent (ADI 3); its demand rate is 2 a period, and over a
        // horizon of 8 forecasting a rate beats forecasting nothing in every backtest window
        StringBuilder rows = new StringBuilder("series,period,qty");
        for (int t = 1; t <= 36; t++) {
            rows.append("\nS,").append(t).append(',').append(t % 3 == 0 ? 6 : 0);
        }
        Path input = Files.writeString(dir.resolve("sporadic.csv"), rows + "\n");
        assertThat(run("forecast", "--input", input.toString(), "--horizon", "8", "--output", path("min.csv")))
                .isZero();
        assertThat(run(
                        "forecast",
                        "--input",
                        input.toString(),
                        "--horizon",
                        "8",
                        "--sporadic",
                        "rate",
                        "--output",
                        path("rate.csv")))
                .isZero();
        String minModel = Files.readAllLines(dir.resolve("min.csv")).get(1).split(",")[3];
        String[] rate = Files.readAllLines(dir.resolve("rate.csv")).get(1).split(",");
        assertThat(minModel).isIn("MinRMSE", "Zero");
        assertThat(rate[3]).isNotIn("MinRMSE");
        assertThat(rate[3]).isNotEqualTo("Zero");
        assertThat(Double.parseDouble(rate[2])).isBetween(1.0, 3.0);
        assertThat(run(
                        "forecast",
                        "--input",
                        input.toString(),
                        "--horizon",
                        "1",
                        "--sporadic",
                        "mean",
                        "--output",
                        path("x.csv")))
                .isEqualTo(2);
        assertThat(errors()).contains("--sporadic must be min-rmse or rate");
    }

    @Test
    void rows_are_sorted_and_gaps_filled_with_zero_demand() throws IOException {
        Path input = file("d.csv", "series,period,qty", "X,5,2", "X,3,1", "Y,2024-03-01,7", "Y,2024-01-01,5");
        assertThat(run("forecast", "--input", input.toString(), "--horizon", "1", "--output", path("o.csv")))
                .isEqualTo(2); // dates and numbers mixed
        assertThat(errors()).contains("line 4").contains("mixes dates and period numbers");

        List<DemandFile.Series> numbered =
                DemandFile.read(file("n.csv", "series,period,qty", "X,5,2", "X,3,1", "X,3,1"));
        // periods 3..5: 1 + 1 (two rows of period 3 add up), 0 (missing period 4), 2
        assertThat(numbered.get(0).demand()).containsExactly(2, 0, 2);
        List<DemandFile.Series> monthly =
                DemandFile.read(file("m.csv", "series,period,qty", "Y,2024-03-01,7", "Y,2024-01-01,5"));
        // gaps of 29 and more days: monthly, February missing
        assertThat(monthly.get(0).demand()).containsExactly(5, 0, 7);
        List<DemandFile.Series> weekly =
                DemandFile.read(file("w.csv", "series,period,qty", "Z,2024-01-15,1", "Z,2024-01-01,3"));
        assertThat(weekly.get(0).demand()).containsExactly(3, 0, 1);
        Path withBom = dir.resolve("bom.csv");
        Files.writeString(withBom, "\uFEFFseries,period,qty\nB,1,2\n");
        assertThat(DemandFile.read(withBom).get(0).demand()).containsExactly(2);
        List<DemandFile.Series> daily =
                DemandFile.read(file("dd.csv", "series,period,qty", "Z,2024-01-03,1", "Z,2024-01-01,3"));
        assertThat(daily.get(0).demand()).containsExactly(3, 0, 1);
    }

    @Test
    void demand_and_price_files_saved_as_gb18030_or_utf_16_read_like_utf_8_and_other_encodings_are_refused()
            throws IOException {
        String demand = "series,period,qty\n轴承-上海,1,2\n轴承-上海,2,5\n";
        Path gb = Files.write(dir.resolve("gb.csv"), demand.getBytes(java.nio.charset.Charset.forName("GB18030")));
        Path utf16 = Files.write(dir.resolve("u16.csv"), ("\uFEFF" + demand).getBytes(StandardCharsets.UTF_16LE));
        for (Path file : List.of(gb, utf16)) {
            List<DemandFile.Series> series = DemandFile.read(file);
            assertThat(series).extracting(DemandFile.Series::name).containsExactly("轴承-上海");
            assertThat(series.get(0).demand()).containsExactly(2, 5);
        }
        Path prices = Files.write(
                dir.resolve("p.csv"),
                "series,unit_price\n轴承-上海,3.5\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(PriceFile.read(prices)).containsEntry("轴承-上海", 3.5);

        Path latin = Files.write(
                dir.resolve("latin.csv"),
                "series,period,qty\nCafé ,1,2\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(run("forecast", "--input", latin.toString(), "--horizon", "1", "--output", path("x.csv")))
                .isEqualTo(2);
        assertThat(errors()).contains("latin.csv", "neither UTF-8 nor GB18030");
    }

    @Test
    void simulate_writes_the_figures_of_each_series_and_prints_the_totals() throws IOException {
        // demand 2 in each of 10 periods, 6 to learn from: the level 2 serves everything
        StringBuilder rows = new StringBuilder("series,period,qty\n");
        for (int t = 1; t <= 10; t++) {
            rows.append("P,").append(t).append(",2\n");
        }
        Files.writeString(dir.resolve("s.csv"), rows);
        Path prices = file("prices.csv", "series,unit_price", "P,10");
        int status = run(
                "simulate",
                "--input",
                path("s.csv"),
                "--train",
                "6",
                "--lead-time",
                "0",
                "--service",
                "0.95",
                "--prices",
                prices.toString(),
                "--output",
                path("r.csv"));
        assertThat(status).as(errors()).isZero();
        List<String> result = Files.readAllLines(dir.resolve("r.csv"));
        assertThat(result.get(0))
                .isEqualTo("series,periods,demand,served,fill_rate,cycle_service_level,avg_on_hand,"
                        + "holding_value,stockout_periods,orders,turnover_periods");
        // 4 periods, 8 demanded, 8 served, stock opens at 2 each period (value 2 x 10 = 20), orders after period 1
        assertThat(result.get(1)).isEqualTo("P,4,8,8,1,1,2,20,0,3,1");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("fill rate, mean of series with demand: 1.0000")
                .contains("fill rate, total (served / demanded): 1.0000")
                .contains("holding cost at 0.25 a period: 5.00000");

        out.reset();
        assertThat(run(
                        "simulate",
                        "--input",
                        path("s.csv"),
                        "--train",
                        "6",
                        "--lead-time",
                        "0",
                        "--service",
                        "0.95",
                        "--policy",
                        "static",
                        "--allocation",
                        "item",
                        "--output",
                        path("r2.csv")))
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("r2.csv")).get(1)).startsWith("P,4,8,8,1,1,");
    }

    @Test
    void bad_input_stops_with_status_2_and_names_the_line_or_option() throws IOException {
        Path good = file("good.csv", "series,period,qty", "A,1,1", "A,2,0", "A,3,2");
        String[][] cases = {
            {"forecast", "--input", file("empty.csv").toString(), "--horizon", "1", "--output", path("o.csv")},
            {
                "forecast",
                "--input",
                file("header.csv", "series,period,qty").toString(),
                "--horizon",
                "1",
                "--output",
                path("o.csv")
            },
            {
                "forecast",
                "--input",
                file("neg.csv", "series,period,qty", "A,1,1", "A,2,-3").toString(),
                "--horizon",
                "1",
                "--output",
                path("o.csv")
            },
            {
                "forecast",
                "--input",
                file("text.csv", "series,period,qty", "A,1,lots").toString(),
                "--horizon",
                "1",
                "--output",
                path("o.csv")
            },
            {
                "forecast",
                "--input",
                file("period.csv", "series,period,qty", "A,first,1").toString(),
                "--horizon",
                "1",
                "--output",
                path("o.csv")
            },
            {"forecast", "--input", good.toString(), "--horizon", "1", "--season", "4", "--output", path("o.csv")},
            {"forecast", "--input", good.toString(), "--output", path("o.csv")},
            {"forecast", "--input", good.toString(), "--horizon", "two", "--output", path("o.csv")},
            {
                "simulate",
                "--input",
                good.toString(),
                "--train",
                "3",
                "--lead-time",
                "0",
                "--service",
                "0.95",
                "--output",
                path("o.csv")
            },
            {
                "simulate",
                "--input",
                good.toString(),
                "--train",
                "2",
                "--lead-time",
                "0",
                "--service",
                "95",
                "--output",
                path("o.csv")
            },
            {"simulate", "--input", good.toString(), "--train", "2", "--service", "0.9", "--output", path("o.csv")},
            {
                "simulate",
                "--input",
                good.toString(),
                "--train",
                "2",
                "--lead-time",
                "0",
                "--service",
                "0.9",
                "--prices",
                file("p.csv", "series,unit_price", "B,1").toString(),
                "--output",
                path("o.csv")
            },
            {
                "simulate",
                "--input",
                good.toString(),
                "--train",
                "2",
                "--lead-time",
                "0",
                "--service",
                "0.9",
                "--total-share",
                "1.5",
                "--output",
                path("o.csv")
            },
            {"forecast", "--input", path("missing.csv"), "--horizon", "1", "--output", path("o.csv")},
            {"forecast", "--input", good.toString(), "--horizon", "1", "--colour", "red", "--output", path("o.csv")},
            {"plan"},
        };
        String[] expected = {
            "empty.csv: the header must name the columns series,period,qty",
            "header.csv: no demand rows",
            "neg.csv line 3: quantity -3 is negative",
            "text.csv line 2: quantity 'lots' is not a number",
            "period.csv line 2: period 'first' is neither a whole number nor an ISO date",
            "--season must be 1, 7, 12 or 52, was '4'",
            "missing option --horizon",
            "--horizon must be a whole number, was 'two'",
            "--train 3 leaves no period to simulate for series A (3 periods)",
            "--service must lie strictly between 0 and 1",
            "missing option --lead-time",
            "no price for series A",
            "--total-share must lie between 0 and 1, was 1.5",
            "missing.csv: cannot read",
            "unknown option --colour",
            "unknown command 'plan'",
        };
        for (int i = 0; i < cases.length; i++) {
            err.reset();
            assertThat(run(cases[i])).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(errors()).as(String.join(" ", cases[i])).contains(expected[i]);
        }
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void a_failed_run_leaves_the_previous_output_untouched_and_no_partial_file() throws IOException {
        Path output = file("o.csv", "previous");
        assertThat(run(
                        "forecast",
                        "--input",
                        file("bad.csv", "series,period,qty", "A,1,x").toString(),
                        "--horizon",
                        "1",
                        "--output",
                        output.toString()))
                .isEqualTo(2);
        assertThat(Files.readString(output)).isEqualTo("previous\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void progress_is_printed_every_tenth_for_large_inputs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress("forecast", 200, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 200; i++) {
            progress.step();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(10);
        assertThat(text).contains("forecast: 10 % (20/200 series)").contains("forecast: 100 % (200/200 series)");
    }
}
