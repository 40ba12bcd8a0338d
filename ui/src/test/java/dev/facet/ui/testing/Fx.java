package dev.facet.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread and waits for asynchronous outcomes, checking them on the FX thread. */
public final class Fx {
    private Fx() {}

    /** Runs on the FX thread and waits. */
    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Computes on the FX thread and waits for the result. */
    public static <T> T call(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(c).get(SAFETY_NET_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PNG of {@code scene} as it is drawn now to {@code file} (on the FX thread). */
    public static void saveScene(javafx.scene.Scene scene, Path file) {
        run(() -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes a PNG of every showing window to target/test-windows, for a failure to be looked at. */
    public static Path snapshotWindows(String prefix) {
        Path folder = Path.of("target", "test-windows");
        run(() -> {
            int i = 0;
            for (Window w : List.copyOf(Window.getWindows())) {
                if (!w.isShowing() || w.getScene() == null) continue;
                try {
                    Files.createDirectories(folder);
                    ImageIO.write(SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null), "png",
                            folder.resolve(prefix + "-" + System.currentTimeMillis() + "-" + (i++) + ".png").toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return folder.toAbsolutePath();
    }

    /**
     * How long a wait may take before the test fails. The tests wait for conditions (the events that matter), never
     * for a time; this only ends a test that would otherwise hang. 15 s was too short on a 2-core machine kept busy
     * by other processes (load 20): a session's first demo took longer to open and count, and the test failed with
     * the condition about to hold.
     */
    public static final int SAFETY_NET_SECONDS = 90;

    /** Waits until a condition, evaluated on the FX thread, holds (at most {@link #SAFETY_NET_SECONDS}). */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(SAFETY_NET_SECONDS, TimeUnit.SECONDS, () -> call(condition::getAsBoolean));
        } catch (TimeoutException e) {
            Path shots = snapshotWindows("timeout");
            throw new AssertionError("The condition did not hold within " + SAFETY_NET_SECONDS + " s; the windows are in " + shots, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
