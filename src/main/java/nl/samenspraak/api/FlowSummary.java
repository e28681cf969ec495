package nl.samenspraak.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A flow as listed for people choosing one. */
@Serdeable
public record FlowSummary(String id, String title, String description, String audience, List<String> languages) {
}
