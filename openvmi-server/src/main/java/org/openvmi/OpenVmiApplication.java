package org.openvmi;

import org.openvmi.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenVmiApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            // forecast / simulate: plain engine work, no Spring context and no web server
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(OpenVmiApplication.class, args);
    }
}
