import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The benchmark's chart, headless (no matplotlib on these machines): for each scenario, one bar per daemon for the
 * time until every client holds everything (left panel) and for the settled RSS (right panel).
 * Usage: java bench/routeserver/Chart.java chart.tsv chart.png
 */
public class Chart {
    record Row(String scenario, String daemon, Double seconds, Double rssMb, boolean incomplete) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<Row> rows = new ArrayList<>();
        // chart.tsv, written by summarize.py: scenario, daemon, median ms to all delivered, settled RSS MB, incomplete.
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t", -1);
            if (f.length < 5) continue;
            rows.add(new Row(f[0], f[1], f[2].isEmpty() ? null : Double.valueOf(f[2]),
                    f[3].isEmpty() ? null : Double.valueOf(f[3]), f[4].equals("true")));
        }
        Map<String, List<Row>> byScenario = new LinkedHashMap<>();
        List<String> daemons = new ArrayList<>();
        for (Row r : rows) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
            if (!daemons.contains(r.daemon())) daemons.add(r.daemon());
        }
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
                new Color(0x9467bd), new Color(0x7f7f7f), new Color(0x8c564b)};
        int panelW = 520, panelH = 360, top = 60, left = 70, bottom = 70;
        int width = 2 * panelW + 40, height = top + panelH + bottom + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Route servers: time until every client holds every route, and settled RSS (median of passes)",
                left, 24);
        for (int panel = 0; panel < 2; panel++) {
            int x0 = panel * (panelW + 20) + left, y0 = top + panelH;
            int w = panelW - left - 10;
            double max = 0;
            for (Row r : rows) {
                Double v = panel == 0 ? r.seconds() : r.rssMb();
                if (v != null) max = Math.max(max, panel == 0 ? v / 1000 : v);
            }
            max = niceCeiling(max);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString(panel == 0 ? "seconds (*: never complete, last change)" : "MB (daemon process tree)", x0, top - 8);
            for (int t = 0; t <= 5; t++) {
                int y = y0 - t * panelH / 5;
                g.setColor(new Color(0xdddddd));
                g.drawLine(x0, y, x0 + w, y);
                g.setColor(Color.DARK_GRAY);
                String label = String.format(max / 5 * t >= 10 || t == 0 ? "%.0f" : "%.1f", max / 5 * t);
                g.drawString(label, x0 - 8 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            int groups = byScenario.size();
            int groupW = w / Math.max(1, groups);
            int barW = Math.max(6, (groupW - 16) / Math.max(1, daemons.size()));
            int gi = 0;
            for (var e : byScenario.entrySet()) {
                int gx = x0 + gi * groupW + 8;
                for (Row r : e.getValue()) {
                    int di = daemons.indexOf(r.daemon());
                    if (panel == 1 && r.daemon().equals("null")) continue; // the floor's memory is a speaker's
                    Double v = panel == 0 ? (r.seconds() == null ? null : r.seconds() / 1000) : r.rssMb();
                    int bx = gx + di * barW;
                    g.setColor(palette[di % palette.length]);
                    if (v == null) {
                        g.setStroke(new BasicStroke(2));
                        g.drawLine(bx + 2, y0 - 12, bx + barW - 4, y0 - 2);
                        g.drawLine(bx + 2, y0 - 2, bx + barW - 4, y0 - 12);
                        continue;
                    }
                    int h = (int) Math.round(v / max * panelH);
                    g.fillRect(bx, y0 - h, barW - 2, h);
                    if (panel == 0 && r.incomplete()) {
                        g.setColor(Color.BLACK);
                        g.drawString("*", bx + barW / 2 - 3, y0 - h - 3);
                    }
                }
                g.setColor(Color.BLACK);
                String name = e.getKey();
                g.drawString(name, gx + (daemons.size() * barW - g.getFontMetrics().stringWidth(name)) / 2, y0 + 16);
                gi++;
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawLine(x0, y0, x0 + w, y0);
            g.drawLine(x0, y0, x0, top);
        }
        int lx = left;
        for (int i = 0; i < daemons.size(); i++) {
            g.setColor(palette[i % palette.length]);
            g.fillRect(lx, top + panelH + 36, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(daemons.get(i), lx + 20, top + panelH + 48);
            lx += 40 + g.getFontMetrics().stringWidth(daemons.get(i));
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args[1]));
    }

    private static double niceCeiling(double v) {
        if (v <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= v) return f * p;
        }
        return 10 * p;
    }
}
