package com.slaledger.notification.contract;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Reads the contract view; ContractViewProjection writes it. */
@ApplicationScoped
public class ContractViewRepository implements PanacheRepositoryBase<ContractView, String> {}
