package org.openvmi.shared.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the datasource is H2, the embedded default (a file, or in memory in tests). */
class OnEmbeddedH2 implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:h2:");
    }
}
