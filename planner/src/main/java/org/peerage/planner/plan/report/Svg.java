package org.peerage.planner.plan.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts, drawn in Java (the report is one self-contained file: no scripts, no network). */
final class Svg {
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private final StringBuilder b = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height, String label) {
        this.width = width;
        this.height = height;
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height, width, height,
                Html.escape(label)));
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, Math.max(0.5, w), Math.max(0.5, h), fill));
        if (title != null) b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>", x1, y1, x2, y2, stroke, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    Svg path(List<double[]> points, String stroke, double width, String title) {
        if (points.isEmpty()) return this;
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f ", points.get(i)[0],
                    points.get(i)[1]));
        }
        b.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\">", width));
        if (title != null) b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("</path>");
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String title) {
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r, fill));
        if (title != null) b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("</circle>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">", x, y,
                size, anchor)).append(Html.escape(text)).append("</text>");
        return this;
    }

    /** A legend row at the top right. */
    Svg legend(List<String> names, List<String> colours) {
        double x = width - 10;
        for (int i = names.size() - 1; i >= 0; i--) {
            double w = 14 + 7 * names.get(i).length();
            x -= w;
            rect(x, 6, 10, 10, colours.get(i), null);
            text(x + 14, 15, names.get(i), "start", 11);
            x -= 8;
        }
        return this;
    }

    /** Axis ticks for 0..max in about five steps of 1, 2 or 5 times a power of ten. */
    static double[] ticks(double max) {
        if (!(max > 0) || Double.isInfinite(max)) return new double[] {0, 1};
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        int n = (int) Math.ceil(max / step);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) t[i] = i * step;
        return t;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public String toString() {
        return b + "</svg>";
    }
}
