package org.openvmi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenVmiApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenVmiApplication.class, args);
    }
}
