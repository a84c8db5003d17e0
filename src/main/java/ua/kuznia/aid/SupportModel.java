package ua.kuznia.aid;

import java.util.List;
import ua.kuznia.taxonomy.TransferType;

/**
 * How aid was given, as the audit compares it, and the offer transfer types through which the
 * matcher can favour a model that worked:
 * <ul>
 * <li>DIRECT_FINANCING (the "Danish model": donors pay Ukrainian makers) → DIRECT_FINANCING</li>
 * <li>JOINT_VENTURE → JOINT_VENTURE; LICENSED_PRODUCTION → LICENSED_PRODUCTION</li>
 * <li>INDUSTRY_PROCUREMENT (buying from industry, e.g. the Czech ammunition initiative) →
 * CO_PRODUCTION and COMPONENT_SUPPLY, the offers that put industry under contract</li>
 * <li>TRAINING → TRAINING</li>
 * <li>CAPABILITY_COALITION (the Contact Group's coalitions) → RND_COOPERATION, the joint
 * development those coalitions organise</li>
 * <li>STOCK_DONATION → none: handing over stocks transfers no technology, so no offer is like it;
 * it is still audited as the baseline the other models are compared with.</li>
 * </ul>
 * KNOW_HOW_TRANSFER and TOOLING_AND_EQUIPMENT have no audited counterpart and stay neutral.
 */
public enum SupportModel {
    STOCK_DONATION(),
    INDUSTRY_PROCUREMENT(TransferType.CO_PRODUCTION, TransferType.COMPONENT_SUPPLY),
    DIRECT_FINANCING(TransferType.DIRECT_FINANCING),
    JOINT_VENTURE(TransferType.JOINT_VENTURE),
    LICENSED_PRODUCTION(TransferType.LICENSED_PRODUCTION),
    CAPABILITY_COALITION(TransferType.RND_COOPERATION),
    TRAINING(TransferType.TRAINING);

    private final List<TransferType> transferTypes;

    SupportModel(TransferType... transferTypes) {
        this.transferTypes = List.of(transferTypes);
    }

    public List<TransferType> transferTypes() {
        return transferTypes;
    }
}
