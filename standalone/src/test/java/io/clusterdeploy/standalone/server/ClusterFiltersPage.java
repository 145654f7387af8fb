package io.clusterdeploy.standalone.server;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The cluster view's filter bar, the applications overview and the keyboard, as a person uses them: controls found by
 * their visible labels, groups by what the page shows. Looked up afresh on every call, as each redraw replaces them.
 */
final class ClusterFiltersPage {
    private final ChromeDriver driver;

    ClusterFiltersPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Every server group card in the page, by name, sorted. */
    List<String> serverGroups() {
        return driver.findElements(By.cssSelector(".clusters .sg")).stream()
                .map(e -> e.getAttribute("data-server-group")).sorted().toList();
    }

    /** "12 of 340 server groups in 3 of 34 clusters", as the filter bar says it. */
    String count() {
        return driver.findElement(By.cssSelector("[data-filter-count]")).getText();
    }

    String panelTitle() {
        return driver.findElement(By.id("cv-clusters-h")).getText();
    }

    /** The select labelled {@code label} ("Account", "Location", "Stack", "Detail", "Server groups"). */
    Select select(String label) {
        return new Select(driver.findElement(By.xpath(
                "//form[contains(@class,'filters')]//label[contains(@class,'filter')][normalize-space(text())='" + label
                        + "']/select")));
    }

    /** The option texts of a facet's select. */
    List<String> options(String label) {
        return select(label).getOptions().stream().map(WebElement::getText).toList();
    }

    void choose(String label, String visibleText) {
        select(label).selectByVisibleText(visibleText);
    }

    /** The health checkbox for {@code state} (DOWN, OUT_OF_SERVICE, ...), with the words its label shows. */
    WebElement healthBox(String state) {
        return driver.findElement(By.cssSelector("fieldset.filter-health input[data-filter-health='" + state + "']"));
    }

    /** The label of a health checkbox, as it reads: its square's symbol, a space, its words. */
    String healthBoxLabel(String state) {
        WebElement label = healthBox(state).findElement(By.xpath(".."));
        return symbol(label.findElement(By.cssSelector(".instance"))) + " " + label.getText();
    }

    /** The symbol the browser draws in a square (the style sheet's ::before content), without its quotes. */
    String symbol(WebElement square) {
        String content = (String) driver.executeScript(
                "return getComputedStyle(arguments[0], '::before').content", square);
        return content.length() >= 2 && content.startsWith("\"") ? content.substring(1, content.length() - 1) : content;
    }

    WebElement search() {
        return driver.findElement(By.cssSelector("input[data-filter='q']"));
    }

    /** Types into the search field as a person would (the page filters once typing pauses). */
    void type(String text) {
        search().clear();
        search().sendKeys(text);
    }

    WebElement clearButton() {
        return driver.findElement(By.cssSelector("[data-filter-clear]"));
    }

    String noMatch() {
        List<WebElement> p = driver.findElements(By.cssSelector("[data-no-match]"));
        return p.isEmpty() ? null : p.get(0).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** The overview's rows: application, accounts, clusters, server groups, instances, as the cells read. */
    List<List<String>> applications() {
        return driver.findElements(By.cssSelector("table.apps tbody tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** The overview's words for an application's health, as its tooltip says them. */
    String healthWords(String application) {
        return driver.findElement(By.cssSelector("tr[data-application='" + application + "'] [data-health-summary]"))
                .getAttribute("title");
    }

    WebElement appLink(String application) {
        return driver.findElement(By.cssSelector("a[data-app-link='" + application + "']"));
    }

    WebElement allApplicationsLink() {
        return driver.findElement(By.cssSelector("a[data-all-applications]"));
    }

    /** The legend's entries as "symbol label: meaning", one string each, in the legend's order. */
    List<String> legend() {
        return driver.findElements(By.cssSelector(".legend li")).stream()
                .map(li -> symbol(li.findElement(By.cssSelector(".instance"))) + " "
                        + li.findElement(By.cssSelector(".legend-label")).getText()
                        + li.findElement(By.cssSelector(".legend-meaning")).getText())
                .toList();
    }

    /** The symbols shown in a group's squares, left to right. */
    List<String> symbols(String serverGroup) {
        return driver.findElements(By.cssSelector("[data-server-group='" + serverGroup + "'] .instances .instance"))
                .stream().map(this::symbol).toList();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The keyboard

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until an element matching {@code css} has the focus; fails after {@code max} presses. */
    WebElement tabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement now = focused();
            if ((Boolean) driver.executeScript("return arguments[0].matches(arguments[1])", now, css)) {
                return now;
            }
        }
        throw new AssertionError("Tab never reached " + css + " in " + max + " presses; the focus is on "
                + focused().getTagName() + " " + focused().getAttribute("outerHTML"));
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** What the browser draws around the focused element: outline style, width and colour. */
    String focusRing() {
        return (String) driver.executeScript("const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;");
    }
}
