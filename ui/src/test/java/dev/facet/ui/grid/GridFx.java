package dev.facet.ui.grid;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for TestFX tests of the grid: themes, waiting for background work, snapshots. */
final class GridFx {
    private GridFx() {}

    static void lightTheme() { Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()); }

    static void darkTheme() { Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()); }

    /**
     * Waits until a condition read on the FX thread holds; database work runs on other threads. The limit is the
     * suite's safety net, not a time the work should take: 10 s failed {@code RelationPickerTest} on a 2-core machine
     * kept busy by other processes, with the condition about to hold.
     */
    static void waitUntil(BooleanSupplier condition) { waitUntil(dev.facet.ui.testing.Fx.SAFETY_NET_SECONDS, condition); }

    /** Waits up to {@code seconds} (work over large tables, on a busy machine) until a condition read on the FX thread holds. */
    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return onFx(condition::getAsBoolean);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and returns the result. */
    static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(Duration.ofSeconds(dev.facet.ui.testing.Fx.SAFETY_NET_SECONDS).toMillis(), work);
    }

    /** Writes a snapshot of the scene to {@code target/screenshots/NAME.png} and returns the file. */
    static Path snapshot(Scene scene, String name) {
        WritableImage image = onFx(() -> scene.snapshot(null));
        Path out = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else {
            onFx(() -> {
                r.run();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
