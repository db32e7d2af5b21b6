package com.linetrace.ui;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.PropertySource;

/**
 * The plant's screens for any LineTrace application that includes this module. Vaadin looks for routes only in
 * the packages of the application's main class unless told otherwise; the plant's main class lives elsewhere,
 * so {@link EnableVaadin} names this module's package (it replaces, not extends, the default).
 */
@AutoConfiguration
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableVaadin("com.linetrace.ui")
@EnableConfigurationProperties(UiSettings.class)
@PropertySource("classpath:linetrace-ui-defaults.properties")
public class UiAutoConfiguration {}
