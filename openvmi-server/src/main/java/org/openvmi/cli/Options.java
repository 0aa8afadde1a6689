package org.openvmi.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs after the command word; unknown names, missing values and repeats are refused. */
final class Options {

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String command, String[] args, int from, Set<String> allowed) {
        this.command = command;
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new CliException(command + ": unexpected argument '" + name + "' (options are --name value)");
            }
            String key = name.substring(2);
            if (!allowed.contains(key)) {
                throw new CliException(
                        command + ": unknown option --" + key + " (allowed: --" + String.join(", --", allowed) + ")");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new CliException(command + ": option --" + key + " needs a value");
            }
            if (values.put(key, args[++i]) != null) {
                throw new CliException(command + ": option --" + key + " given twice");
            }
        }
    }

    String required(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new CliException(command + ": missing option --" + key);
        }
        return value;
    }

    String optional(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Path path(String key) {
        return Path.of(required(key));
    }

    int integer(String key, int min, Integer otherwise) {
        String raw = otherwise == null ? required(key) : optional(key, String.valueOf(otherwise));
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                throw new CliException(command + ": option --" + key + " must be at least " + min + ", was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CliException(command + ": option --" + key + " must be a whole number, was '" + raw + "'");
        }
    }

    double number(String key, String otherwise) {
        String raw = otherwise == null ? required(key) : optional(key, otherwise);
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new CliException(command + ": option --" + key + " must be a number, was '" + raw + "'");
        }
    }

    /** Season length: only the lengths the engine's models are meant for (none, week of days, year of months or weeks). */
    int season() {
        String raw = optional("season", "12");
        return switch (raw.trim()) {
            case "1" -> 1;
            case "7" -> 7;
            case "12" -> 12;
            case "52" -> 52;
            default -> throw new CliException(command + ": option --season must be 1, 7, 12 or 52, was '" + raw + "'");
        };
    }
}
