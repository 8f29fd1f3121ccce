package org.fiscalscope.document;

import java.util.List;

/** 绩效自评: the unit-level evaluation and one evaluation per project. */
public record Performance(Evaluation unitEvaluation, List<Evaluation> projects) {}
