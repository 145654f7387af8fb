package io.clusterdeploy.provider.aws;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * A server group's own launch template (it has the group's name): found by name, deleted by the id that lookup
 * gave. A delete whose answer was lost converges: the retry's refusal (moto: {@code MissingParameter}, AWS:
 * {@code InvalidLaunchTemplateId.NotFound}) is checked against a fresh lookup, and a template that is gone is
 * deleted. Deleting a template that does not exist does nothing and sends no delete.
 */
final class LaunchTemplates {
    private final AwsErrors errors;

    LaunchTemplates(AwsErrors errors) {
        this.errors = errors;
    }

    Optional<LaunchTemplate> find(AwsRegion region, String name) {
        return errors.call("DescribeLaunchTemplates " + name, () -> {
            try {
                return region.clients.ec2.describeLaunchTemplates(r -> r.launchTemplateNames(name)).launchTemplates()
                        .stream().filter(t -> name.equals(t.launchTemplateName())).findFirst();
            } catch (AwsServiceException e) {
                if (AwsErrors.hasCode(e, "InvalidLaunchTemplateName.NotFoundException", "InvalidLaunchTemplateName.NotFound")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Deletes the template of this name if there is one; true when one was there. */
    boolean delete(AwsRegion region, String name) {
        Optional<LaunchTemplate> template = find(region, name);
        if (template.isEmpty()) {
            return false;
        }
        String id = template.get().launchTemplateId();
        Idempotent.run(errors, "DeleteLaunchTemplate " + name + " (" + id + ")",
                () -> region.clients.ec2.deleteLaunchTemplate(r -> r.launchTemplateId(id)),
                () -> find(region, name).filter(t -> id.equals(t.launchTemplateId())).isEmpty());
        return true;
    }
}
