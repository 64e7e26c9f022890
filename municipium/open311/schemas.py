"""The answers' shapes, for the OpenAPI description only: the views write XML or JSON
themselves (``renderers``), in the standard's field order."""

from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    code: int
    description: str


class EndpointOut(Schema):
    specification: str
    url: str
    changeset: str
    type: str
    formats: list[str]


class DiscoveryOut(Schema):
    changeset: str
    contact: str
    key_service: str
    endpoints: list[EndpointOut]


class ServiceOut(Schema):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str


class ValueOut(Schema):
    key: str
    name: str


class AttributeOut(Schema):
    variable: bool
    code: str
    datatype: str
    required: bool
    datatype_description: str | None
    order: int
    description: str
    values: list[ValueOut]


class ServiceDefinitionOut(Schema):
    service_code: str
    attributes: list[AttributeOut]


class CreatedOut(Schema):
    service_request_id: str
    service_notice: str | None
    account_id: str | None


class TokenOut(Schema):
    service_request_id: str
    token: str


class ServiceRequestOut(Schema):
    service_request_id: str
    status: str
    status_notes: str | None
    service_name: str
    service_code: str
    description: str
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str | None
    address_id: str | None
    zipcode: str | None
    lat: float | None
    long: float | None


ERRORS = {400: list[ErrorOut], 403: list[ErrorOut], 404: list[ErrorOut], 429: list[ErrorOut]}
