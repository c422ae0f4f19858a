package org.peerage.bgp.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * For jqwik properties that read ../shared/data: skipped when the folder is missing, as {@link SharedData} makes
 * JUnit tests skip (jqwik counts an abort inside a try as a failure). Under CI the property runs and fails there.
 */
public final class NeedsSharedData implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Path data = SharedData.location();
        if (Files.isDirectory(data) || "true".equals(System.getenv("CI"))) return SkipResult.doNotSkip();
        return SkipResult.skip("real data folder " + data + " is missing (expected ../shared/data beside the checkout)");
    }
}
