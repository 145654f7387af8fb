package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.regex.Pattern;

/**
 * What AWS allows in the name of each resource the provider creates, checked before anything is created. Frigga
 * names allow '.', '_', '~' and '^', which target group and load balancer names do not, and Auto Scaling allows
 * longer names than launch templates or ELBv2 do.
 */
final class AwsNames {
    static final int ELB_MAX = 32;
    static final int LAUNCH_TEMPLATE_MAX = 128;
    static final int AUTO_SCALING_GROUP_MAX = 255;
    static final int SECURITY_GROUP_MAX = 255;

    private static final Pattern ELB = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern LAUNCH_TEMPLATE = Pattern.compile("[a-zA-Z0-9().\\-/_]{3,128}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{1,255}");

    private AwsNames() {
    }

    /** A server group's name is also its launch template's name. */
    static void serverGroup(String field, String name) {
        if (name.length() > LAUNCH_TEMPLATE_MAX) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' is " + name.length()
                    + " characters long; its launch template's name may have at most " + LAUNCH_TEMPLATE_MAX);
        }
        if (!LAUNCH_TEMPLATE.matcher(name).matches()) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' cannot name a launch template, which"
                    + " allows only letters, digits and ( ) . - / _");
        }
    }

    static void targetGroup(String field, String name) {
        elb(field, name, "target group");
    }

    static void loadBalancer(String field, String name) {
        elb(field, name, "load balancer");
        if (name.startsWith("internal-")) {
            throw ClusterDeployException.invalid(field, field + ": a load balancer name must not start with 'internal-'");
        }
    }

    static void securityGroup(String field, String name) {
        if (!SECURITY_GROUP.matcher(name).matches() || name.startsWith("sg-")) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' is not a valid security group name"
                    + " (at most " + SECURITY_GROUP_MAX + " letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*; not"
                    + " starting with sg-)");
        }
    }

    private static void elb(String field, String name, String what) {
        if (name.length() > ELB_MAX) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' is " + name.length()
                    + " characters long; an AWS " + what + " name may have at most " + ELB_MAX);
        }
        if (!ELB.matcher(name).matches()) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' is not a valid AWS " + what
                    + " name: only letters, digits and '-', not starting or ending with '-'");
        }
    }
}
