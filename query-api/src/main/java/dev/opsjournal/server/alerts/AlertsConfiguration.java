package dev.opsjournal.server.alerts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the schedule the alert outbox is published on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertsConfiguration {}
