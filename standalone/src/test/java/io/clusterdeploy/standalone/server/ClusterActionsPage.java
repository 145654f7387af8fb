package io.clusterdeploy.standalone.server;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The cluster view's actions and their dialog, as a person sees and uses them. */
final class ClusterActionsPage {
    private final ChromeDriver driver;

    ClusterActionsPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The top bar's words on who acts ("Acting as …", or why the page is read-only). */
    String rights() {
        List<WebElement> words = driver.findElements(By.cssSelector(".rights-line [data-rights]"));
        return words.isEmpty() ? "" : words.get(0).getText();
    }

    boolean offersSignOut() {
        return !driver.findElements(By.cssSelector(".rights-line [data-sign-out]")).isEmpty();
    }

    /** Every action button on the page, as "label target". */
    List<String> actionButtons() {
        return driver.findElements(By.cssSelector("[data-action], [data-cancel-operation]")).stream()
                .map(b -> b.getText() + " " + b.getAttribute("data-target")).toList();
    }

    /** The labels of a server group's buttons. */
    List<String> serverGroupButtons(String serverGroup) {
        return driver.findElements(By.cssSelector("[data-server-group='" + serverGroup + "'] [data-action]")).stream()
                .map(WebElement::getText).toList();
    }

    void act(String kind, String target) {
        driver.findElement(By.cssSelector("[data-action='" + kind + "'][data-target='" + target + "']")).click();
    }

    void cancelShownOperation() {
        driver.findElement(By.cssSelector(".timeline [data-cancel-operation]")).click();
    }

    boolean dialogOpen() {
        return Boolean.TRUE.equals(driver.executeScript(
                "const d = document.querySelector('[data-action-dialog]'); return Boolean(d && d.open);"));
    }

    String dialogTitle() {
        return dialog().findElement(By.cssSelector(".dialog-title")).getText();
    }

    /** The plan's outcome sentence, empty while planning. */
    String planOutcome() {
        List<WebElement> p = dialog().findElements(By.cssSelector(".plan-outcome"));
        return p.isEmpty() ? "" : p.get(0).getText();
    }

    String planOutcomeCode() {
        List<WebElement> p = dialog().findElements(By.cssSelector(".plan-outcome"));
        return p.isEmpty() ? "" : p.get(0).getAttribute("data-outcome");
    }

    String fingerprint() {
        List<WebElement> f = dialog().findElements(By.cssSelector("[data-fingerprint]"));
        return f.isEmpty() ? "" : f.get(0).getText();
    }

    List<String> planSteps() {
        return dialog().findElements(By.cssSelector(".plan-step .plan-step-name")).stream().map(WebElement::getText).toList();
    }

    /** Every planned change, one line of visible text each. */
    List<String> planActions() {
        return dialog().findElements(By.cssSelector(".plan-action")).stream().map(WebElement::getText).toList();
    }

    /** Every check with its verdict, e.g. "DECIDED AT RUN TIME waits up to 600s until: …". */
    List<String> planChecks() {
        return dialog().findElements(By.cssSelector(".plan-check")).stream().map(WebElement::getText).toList();
    }

    void setField(String name, int value) {
        WebElement input = dialog().findElement(By.cssSelector("[data-field='" + name + "']"));
        input.clear();
        input.sendKeys(String.valueOf(value));
        // A number field reports its change when it loses focus.
        dialog().findElement(By.cssSelector(".dialog-reason")).click();
    }

    void reason(String text) {
        WebElement r = dialog().findElement(By.cssSelector(".dialog-reason"));
        r.clear();
        r.sendKeys(text);
    }

    /** Whether the dialog shows the reason field. */
    boolean asksForReason() {
        return dialog().findElement(By.cssSelector(".dialog-reason")).isDisplayed();
    }

    boolean asksForAccountName() {
        return dialog().findElement(By.cssSelector(".dialog-challenge")).isDisplayed();
    }

    String challengeText() {
        return dialog().findElement(By.cssSelector(".dialog-challenge")).getText();
    }

    void typeAccountName(String text) {
        WebElement input = dialog().findElement(By.cssSelector(".dialog-account"));
        input.clear();
        input.sendKeys(text);
    }

    boolean confirmEnabled() {
        return dialog().findElement(By.cssSelector("[data-dialog-confirm]")).isEnabled();
    }

    String confirmLabel() {
        return dialog().findElement(By.cssSelector("[data-dialog-confirm]")).getText();
    }

    void confirm() {
        dialog().findElement(By.cssSelector("[data-dialog-confirm]")).click();
    }

    /** The dialog's message (a refusal, or the cluster having changed), or null while none is shown. */
    String dialogMessage() {
        WebElement m = dialog().findElement(By.cssSelector(".dialog-message"));
        return m.isDisplayed() ? m.getText() : null;
    }

    void signOut() {
        driver.findElement(By.cssSelector("[data-sign-out]")).click();
    }

    private WebElement dialog() {
        return driver.findElement(By.cssSelector("[data-action-dialog]"));
    }
}
