package org.openvmi.cli;

/** Bad input or options: the message names the option, file and line, and the command exits with status 2. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
