package nl.samenspraak.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code samenspraak.flows-dir} and {@code samenspraak.locales-dir}: a folder of flow files that replaces the bundled
 * flows, and one of their words; empty: the bundled ones (see {@link FlowFolders}).
 */
@ConfigurationProperties("samenspraak")
public record FlowFolderSettings(@Nullable String flowsDir, @Nullable String localesDir) {
}
