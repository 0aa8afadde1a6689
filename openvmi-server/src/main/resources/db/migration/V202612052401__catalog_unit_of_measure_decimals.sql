-- How many decimals a quantity in each unit of measure is shown with (PCS whole, KG to the gram). item.uom stays free
-- text; a unit missing here is shown with up to 3 decimals (see catalog.UnitsOfMeasure).
CREATE TABLE unit_of_measure (
    code     VARCHAR(16) PRIMARY KEY,
    decimals SMALLINT    NOT NULL CHECK (decimals BETWEEN 0 AND 6)
);

INSERT INTO unit_of_measure (code, decimals) VALUES
    ('PCS', 0), ('PC', 0), ('EA', 0), ('SET', 0), ('PR', 0), ('BOX', 0), ('CTN', 0), ('PKG', 0), ('ROLL', 0),
    ('BAG', 0), ('BTL', 0), ('G', 0), ('ML', 0), ('KG', 3), ('T', 3), ('L', 3), ('M', 2), ('M2', 2), ('M3', 3);
