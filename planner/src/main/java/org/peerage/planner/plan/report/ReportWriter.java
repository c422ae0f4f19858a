package org.peerage.planner.plan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peerage.planner.plan.PlanResult;

/** Writes DIR/report.html (self-contained) and DIR/plan.json (the same figures). */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static Path write(PlanResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path html = dir.resolve("report.html");
        Files.writeString(html, Html.render(r));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("plan.json").toFile(), r);
        return html;
    }
}
