package dev.facet.ui.grid;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How many objects a new grid keeps alive: the young collection that follows an open copies them while the window waits
 * (docs/benchmarks.md, ADR 0044). It shows a grid of {@code Customer} at 1280 by 800, then a second one in its place
 * with the first still referenced, and prints the difference of two class histograms (each after a full collection)
 * with the classes that grew most. Opt-in ({@code -Dfacet.gridObjects=true}): the figures are the point, not asserted.
 */
@EnabledIfSystemProperty(named = "facet.gridObjects", matches = "true")
class GridObjectsCheck extends GridWindowTest {
    private static final int TOP = 40;
    /** The first grid, kept reachable while the second is measured. */
    private Object first;

    GridObjectsCheck() { super("grid-objects", 250); }

    @Test
    void objectsOfOneGrid() throws Exception {
        show("Customer", 800);
        int cells = GridFx.onFx(() -> view.lookupAll(".grid-cell").size());
        Map<String, long[]> before = histogram();
        WaitForAsyncUtils.waitForAsyncFx(FIRST_GRID_SECONDS * 1000L, () -> {
            first = view;
            view = new ModelGridView(new ModelGridViewModel(db.project, db.model("Customer"), executor,
                    new GridFixture.RecordingNavigator(), GridLayout.Store.inMemory()));
            stage.getScene().setRoot(view);
        });
        settle(FIRST_GRID_SECONDS);
        print("one grid of Customer, " + cells + " cells on screen", before, histogram());
    }

    /** Live instances and bytes per class, as {@code jcmd GC.class_histogram} prints them (after a full collection). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 4 && p[0].endsWith(":")) byClass.put(p[3], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
        }
        return byClass;
    }

    private static void print(String title, Map<String, long[]> before, Map<String, long[]> after) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        long objects = 0;
        long bytes = 0;
        for (var e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - was[0], e.getValue()[1] - was[1]};
            objects += d[0];
            bytes += d[1];
            grown.add(Map.entry(e.getKey(), d));
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        System.out.printf("GridObjectsCheck: %s: %,d objects, %,d bytes%n", title, objects, bytes);
        grown.stream().limit(TOP).forEach(e -> System.out.printf("GridObjectsCheck:   %,9d  %s%n", e.getValue()[0], e.getKey()));
    }
}
