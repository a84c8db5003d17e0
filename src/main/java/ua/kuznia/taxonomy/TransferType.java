package ua.kuznia.taxonomy;

/** Kinds of technology transfer an offer proposes; names are in the transfer_type table. */
public enum TransferType {
    LICENSED_PRODUCTION, JOINT_VENTURE, CO_PRODUCTION, KNOW_HOW_TRANSFER, TOOLING_AND_EQUIPMENT,
    COMPONENT_SUPPLY, DIRECT_FINANCING, RND_COOPERATION, TRAINING
}
