package com.linetrace.identity;

import com.linetrace.messaging.ServiceSchema;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JacksonModule;

/** Users, roles and API security for any LineTrace application that includes this module. */
@AutoConfiguration
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(IdentitySettings.class)
public class IdentityAutoConfiguration {

    static final String SCHEMA = "identity";

    @Bean
    SpringLiquibase identityLiquibase(DataSource dataSource) {
        return ServiceSchema.liquibase(dataSource, SCHEMA);
    }

    /** Every string of every API request body is checked as free text once, where it enters. */
    @Bean
    JacksonModule linetraceRequestText() {
        return new RequestText();
    }

    /** Hashes with bcrypt and keeps the algorithm id in the hash ({bcrypt}…), so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource, SpringLiquibase identityLiquibase) {
        var users = new JdbcUserDetailsManager(dataSource);
        users.setUsersByUsernameQuery("select username, password, enabled from identity.users where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, authority from identity.authorities where username = ?");
        users.setUserExistsSql("select username from identity.users where username = ?");
        users.setCreateUserSql("insert into identity.users (username, password, enabled) values (?,?,?)");
        users.setCreateAuthoritySql("insert into identity.authorities (username, authority) values (?,?)");
        users.setUpdateUserSql("update identity.users set password = ?, enabled = ? where username = ?");
        users.setDeleteUserSql("delete from identity.users where username = ?");
        users.setDeleteUserAuthoritiesSql("delete from identity.authorities where username = ?");
        users.setChangePasswordSql("update identity.users set password = ? where username = ?");
        return users;
    }
}
