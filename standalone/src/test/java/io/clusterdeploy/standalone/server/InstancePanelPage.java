package io.clusterdeploy.standalone.server;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** The instance panel as a person uses it: opened from a square, read, refreshed, closed with Escape. */
final class InstancePanelPage {
    private final ChromeDriver driver;

    InstancePanelPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The instances' ids on a group's card, left to right, as their squares carry them. */
    List<String> instanceIds(String serverGroup) {
        return driver.findElements(By.cssSelector("[data-server-group='" + serverGroup + "'] [data-instance]")).stream()
                .map(s -> s.getAttribute("data-instance")).toList();
    }

    void click(String instanceId) {
        square(instanceId).click();
    }

    /** Moves the keyboard focus to the square (as Tab would) and presses Enter. */
    void pressEnterOn(String instanceId) {
        driver.executeScript("arguments[0].focus()", square(instanceId));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
    }

    void pressEscape() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    }

    boolean isOpen() {
        return panel().isDisplayed();
    }

    String title() {
        return panel().findElement(By.cssSelector(".ip-title")).getText();
    }

    String id() {
        return panel().findElement(By.cssSelector("[data-ip-id]")).getText();
    }

    String address() {
        return panel().findElement(By.cssSelector("[data-ip-address]")).getText();
    }

    /** The health state the panel shows, as the API names it, and the words a person reads. */
    String healthState() {
        return panel().findElement(By.cssSelector("[data-ip-health]")).getAttribute("data-ip-health");
    }

    String healthText() {
        return panel().findElement(By.cssSelector("[data-ip-health]")).getText();
    }

    /** The launch time's exact instant (its datetime attribute) and its visible text. */
    String launchedInstant() {
        return panel().findElement(By.cssSelector("[data-ip-launched]")).getAttribute("datetime");
    }

    String launchedText() {
        return panel().findElement(By.cssSelector("[data-ip-launched]")).getText();
    }

    String location() {
        return panel().findElement(By.cssSelector("[data-ip-location]")).getText();
    }

    /** A fact from the cloud ("pid", "traffic"...), as shown. */
    String cloudFact(String name) {
        return panel().findElement(By.cssSelector("[data-ip-fact='" + name + "']")).getText();
    }

    /** The health checks, one line of visible text each. */
    List<String> checks() {
        return panel().findElements(By.cssSelector(".ip-check")).stream().map(WebElement::getText).toList();
    }

    String log() {
        return panel().findElement(By.cssSelector("[data-ip-log]")).getText();
    }

    String logNote() {
        return panel().findElement(By.cssSelector("[data-ip-log-note]")).getText();
    }

    void refresh() {
        panel().findElement(By.cssSelector("[data-ip-refresh]")).click();
    }

    /** The data-instance of the element with the keyboard focus, or null. */
    String focusedInstance() {
        return (String) driver.executeScript("return document.activeElement && document.activeElement.dataset"
                + " ? document.activeElement.dataset.instance ?? null : null");
    }

    /** How many reads of instance details and logs the page has made so far (the browser's own count). */
    long instanceReads() {
        return ((Number) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/instances/')).length")).longValue();
    }

    private WebElement square(String instanceId) {
        return driver.findElement(By.cssSelector("[data-instance='" + instanceId + "']"));
    }

    private WebElement panel() {
        return driver.findElement(By.cssSelector("[data-instance-panel]"));
    }
}
