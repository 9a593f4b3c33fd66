package org.dacsderms.runtime.platform.notify;

import java.util.Properties;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives camel-mail the SMTP credentials and timeouts, so they stay out of endpoint URIs and the console. */
@Configuration
public class MailConfiguration {

    @Bean
    ComponentCustomizer smtpCredentials(MailProperties mail) {
        return ComponentCustomizer.forType(MailComponent.class, component -> {
            org.apache.camel.component.mail.MailConfiguration configuration = component.getConfiguration();
            if (mail.username() != null && !mail.username().isBlank()) {
                configuration.setUsername(mail.username());
                configuration.setPassword(mail.password());
            }
            Properties javaMail = new Properties();
            javaMail.setProperty("mail.smtp.starttls.enable", String.valueOf(mail.startTls()));
            javaMail.setProperty("mail.smtp.starttls.required", String.valueOf(mail.startTls()));
            configuration.setAdditionalJavaMailProperties(javaMail);
            configuration.setConnectionTimeout((int) mail.timeout().toMillis());
        });
    }
}
