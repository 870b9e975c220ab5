import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum GeoErrorCode {
  /** Not a UK postcode at all, or one whose district and area are both missing from the table. */
  UnknownPostcode = 'UNKNOWN_POSTCODE',
}

export class GeoException extends defineDomainException<GeoErrorCode>('GeoException', {
  [GeoErrorCode.UnknownPostcode]: HttpStatus.BAD_REQUEST,
}) {}
