package io.clusterdeploy.standalone.server;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The canary report as a person sees it: the visible text of the verdict, the groups, the intervals and each
 * metric's row, and what its charts drew. Elements are looked up afresh on every call: a refresh may redraw them.
 */
final class CanaryReportPage {
    /**
     * Per chart container: its key, whether ECharts drew a canvas or an SVG into it, the canvas's size, and how many
     * of its pixels are not transparent (a canvas ECharts made but drew nothing on has none).
     */
    private static final String CHARTS = """
            return [...document.querySelectorAll('.cr [data-chart]')].map(box => {
              const canvas = box.querySelector('canvas');
              const svg = box.querySelector('svg');
              let painted = 0;
              if (canvas && canvas.width > 0 && canvas.height > 0) {
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) {
                  if (pixels[i] !== 0) painted++;
                }
              }
              return {key: box.dataset.chart, canvas: !!canvas, svg: !!svg,
                      width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0, painted};
            });""";

    private final ChromeDriver driver;

    CanaryReportPage(ChromeDriver driver) {
        this.driver = driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String title() {
        return driver.findElement(By.cssSelector(".cr .topbar h1")).getText();
    }

    String verdict() {
        return driver.findElement(By.cssSelector(".cr-verdict-label")).getText();
    }

    String score() {
        return driver.findElement(By.cssSelector(".cr-score-value")).getText();
    }

    String thresholds() {
        return driver.findElement(By.cssSelector(".cr-thresholds")).getText();
    }

    String reason() {
        return driver.findElement(By.cssSelector(".cr-reason")).getText();
    }

    /** The line under the verdict: kind, status, start, duration and (for a deploy) the intervals judged. */
    String operationLine() {
        return driver.findElement(By.cssSelector(".cr-op")).getText();
    }

    String status() {
        return driver.findElement(By.cssSelector(".cr-op-status")).getText();
    }

    String decision() {
        List<WebElement> d = driver.findElements(By.cssSelector(".cr-decision"));
        return d.isEmpty() ? null : d.get(0).getText();
    }

    String intervalCount() {
        return driver.findElement(By.cssSelector(".cr-interval-count")).getText();
    }

    List<String> intervalRows() {
        return driver.findElements(By.cssSelector(".cr-intervals tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** The text of the Score per interval section. */
    String intervalSection() {
        return driver.findElement(By.cssSelector(".cr-interval-list")).getText();
    }

    /** The server group shown for a role: production, baseline, canary. */
    String group(String role) {
        return driver.findElement(By.cssSelector("[data-group-role='" + role + "']")).getText();
    }

    /** The groups a deploy destroyed, as the page lists them, or null. */
    String destroyed() {
        List<WebElement> d = driver.findElements(By.cssSelector(".cr-destroyed"));
        return d.isEmpty() ? null : d.get(0).getText();
    }

    String traffic(String which) {
        return driver.findElement(By.cssSelector("[data-traffic='" + which + "']")).getText();
    }

    /** The value next to a label in the report's facts ("Window", "Step", ...). */
    String fact(String label) {
        return driver.findElement(By.xpath("//dl[contains(@class,'cr-facts')]/dt[normalize-space()='" + label
                + "']/following-sibling::dd[1]")).getText();
    }

    List<String> metricNames() {
        return driver.findElements(By.cssSelector(".cr-metric .cr-metric-name")).stream().map(WebElement::getText).toList();
    }

    String metricClass(String metric) {
        return metric(metric).findElement(By.cssSelector(".cr-metric-class")).getText();
    }

    String metricReason(String metric) {
        return metric(metric).findElement(By.cssSelector(".cr-metric-reason")).getText();
    }

    /** The colour a person sees on the metric's class badge. */
    String metricClassColor(String metric) {
        return metric(metric).findElement(By.cssSelector(".cr-metric-class")).getCssValue("color");
    }

    /** What every chart container on the page holds. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts() {
        return (List<Map<String, Object>>) driver.executeScript(CHARTS);
    }

    /** Moves the mouse over the metric's chart and returns the tooltip ECharts then shows, or null. */
    String hoverMetricChart(String metric) {
        WebElement chart = metric(metric).findElement(By.cssSelector("[data-chart]"));
        new Actions(driver).moveToElement(chart).perform();
        List<WebElement> tips = chart.findElements(By.cssSelector(".cr-tip"));
        return tips.isEmpty() || !tips.get(0).isDisplayed() ? null : tips.get(0).getText();
    }

    String banner() {
        WebElement banner = driver.findElement(By.cssSelector(".banner"));
        return banner.isDisplayed() ? banner.getText() : null;
    }

    String updated() {
        return driver.findElement(By.cssSelector(".updated")).getText();
    }

    /** How many times the page has asked the API for the operation so far. */
    long operationReads(String id) {
        return (Long) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/operations/' + arguments[0])).length", id);
    }

    private WebElement metric(String name) {
        return driver.findElements(By.cssSelector(".cr-metric")).stream()
                .filter(m -> name.equals(m.getAttribute("data-metric"))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric row for " + name));
    }
}
