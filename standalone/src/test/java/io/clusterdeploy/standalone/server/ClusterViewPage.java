package io.clusterdeploy.standalone.server;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The cluster view as a person sees it: visible text, colours, tooltips and accessible names,
 * found by the page's structure. Elements are looked up afresh on every call, because each
 * refresh may redraw them.
 */
final class ClusterViewPage {
    /** The colours a person sees for each health, as the browser computes them. */
    static final String GREEN = "rgba(46, 133, 64, 1)";
    static final String BLUE = "rgba(74, 127, 212, 1)";

    private final ChromeDriver driver;

    ClusterViewPage(ChromeDriver driver) {
        this.driver = driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The application the picker shows. */
    String selectedApplication() {
        return driver.findElement(By.cssSelector("select.app-picker option:checked")).getText();
    }

    String clusterHeading(String cluster) {
        return cluster(cluster).findElement(By.cssSelector(".cluster-name")).getText();
    }

    /** The account and location heading above the cluster. */
    String placeOf(String cluster) {
        return cluster(cluster).findElement(By.xpath("ancestor::section[contains(@class,'place')]/h2")).getText();
    }

    /** Server group names as their cards show them, left to right. */
    List<String> cardNames(String cluster) {
        return cluster(cluster).findElements(By.cssSelector(".sg .sg-name")).stream().map(WebElement::getText).toList();
    }

    String sequence(String serverGroup) {
        return card(serverGroup).findElement(By.cssSelector(".sg-seq")).getText();
    }

    String badge(String serverGroup) {
        return card(serverGroup).findElement(By.cssSelector(".sg-head .badge")).getText();
    }

    /** The value next to a label in the card's facts ("Capacity", "Artifact", ...). */
    String fact(String serverGroup, String label) {
        return card(serverGroup).findElement(By.xpath(".//dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The artifact's tooltip (the full text the card shortens). */
    String artifactTooltip(String serverGroup) {
        return card(serverGroup).findElement(By.cssSelector(".artifact")).getAttribute("title");
    }

    List<Square> squares(String serverGroup) {
        return card(serverGroup).findElements(By.cssSelector(".instances .instance")).stream()
                .map(s -> new Square(s.getCssValue("background-color"), s.getAttribute("title"), s.getAccessibleName()))
                .toList();
    }

    /** One instance square: its colour, tooltip and the name assistive technology reads. */
    record Square(String color, String tooltip, String accessibleName) {
    }

    String loadBalancerRow(String name) {
        return driver.findElement(By.xpath("//table[contains(@class,'lbs')]//tr[td[1][normalize-space()='" + name + "']]"))
                .getText();
    }

    /** The recent operations, one line of visible text each, newest first. */
    List<String> operations() {
        return driver.findElements(By.cssSelector(".ops .op-button")).stream().map(WebElement::getText).toList();
    }

    /** Clicks the first operation whose visible text contains all of {@code parts}. */
    void selectOperation(String... parts) {
        driver.findElements(By.cssSelector(".ops .op-button")).stream()
                .filter(b -> List.of(parts).stream().allMatch(b.getText()::contains))
                .findFirst().orElseThrow(() -> new AssertionError("no operation showing " + List.of(parts)))
                .click();
    }

    String timelineTitle() {
        return driver.findElement(By.cssSelector(".timeline .timeline-title")).getText();
    }

    List<String> stepNames() {
        return driver.findElements(By.cssSelector(".timeline .step .step-name")).stream().map(WebElement::getText).toList();
    }

    List<String> stepStatuses() {
        return driver.findElements(By.cssSelector(".timeline .step .step-status")).stream()
                .map(WebElement::getText).toList();
    }

    String lastUpdated() {
        return driver.findElement(By.cssSelector(".updated")).getText();
    }

    /** The error banner's text, or null while it is not shown. */
    String banner() {
        WebElement banner = driver.findElement(By.cssSelector(".banner"));
        return banner.isDisplayed() ? banner.getText() : null;
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    private WebElement cluster(String name) {
        return driver.findElement(By.cssSelector("[data-cluster='" + name + "']"));
    }

    private WebElement card(String serverGroup) {
        return driver.findElement(By.cssSelector("[data-server-group='" + serverGroup + "']"));
    }
}
