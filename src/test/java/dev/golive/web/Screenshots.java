package dev.golive.web;

import dev.golive.testsupport.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Takes the screenshots of the dashboard that the documentation shows, from a dashboard serving
 * a demo ({@code scripts/screenshots.sh} sets it up): {@code Screenshots URL USERS-FILE DIR}.
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        String url = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String password = Files.readAllLines(Path.of(args[1])).stream()
                .filter(l -> l.startsWith("maria "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no maria in " + args[1]))
                .split(" ")[2];
        Path out = Path.of(args[2]);
        try (Browser b = Browser.start()) {
            b.driver.get(url + "login");
            b.driver.findElement(By.id("name")).sendKeys("maria");
            b.driver.findElement(By.id("password")).sendKeys(password);
            b.driver.findElement(By.id("login")).click();
            for (String page : new String[] {"runbook", "readiness", "drills", "releases", "diagnostics", "journal"}) {
                b.driver.get(url + page);
                drawn(b);
                b.screenshot(out.resolve(page + ".png"));
            }
            b.driver.get(url + "load");
            drawn(b);
            Thread.sleep(500);
            b.screenshot(out.resolve("load.png"));
            WebElement failed = b.driver
                    .findElements(By.cssSelector("#load-runs a[data-run]"))
                    .getLast();
            failed.click();
            Thread.sleep(1500);
            b.screenshot(out.resolve("load-missed.png"));
        }
    }

    private static void drawn(Browser b) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Object d = b.driver.executeScript("return document.body.dataset.drawn || null;");
            if (d != null) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the page " + b.driver.getCurrentUrl() + " never finished drawing");
    }
}
