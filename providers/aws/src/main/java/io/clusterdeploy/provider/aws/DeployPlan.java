package io.clusterdeploy.provider.aws;

import java.util.List;
import java.util.Map;

/**
 * A deploy request checked against the account and the region, with what the checks found.
 *
 * @param region          where it goes
 * @param spec            the parsed spec
 * @param vpcId           the VPC of its subnets (or the default VPC), or null without VPC
 * @param targetGroupArns the existing target groups among the request's load balancers, by name
 * @param securityGroupIds the existing security groups among the request's, by the name or id given
 */
record DeployPlan(AwsRegion region, ServerGroupSpec spec, String vpcId, Map<String, String> targetGroupArns,
                  Map<String, String> securityGroupIds) {
    DeployPlan {
        targetGroupArns = Map.copyOf(targetGroupArns);
        securityGroupIds = Map.copyOf(securityGroupIds);
    }

    List<String> subnets() {
        return spec.subnetIds();
    }
}
